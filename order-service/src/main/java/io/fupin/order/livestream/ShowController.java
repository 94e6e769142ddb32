package io.fupin.order.livestream;

import io.fupin.order.stock.ProductId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders/livestream-shows")
@Tag(name = "Livestream limits", description = "Units one buyer may order of a product in livestream sales")
class ShowController {

    private final BuyerLimits limits;

    ShowController(BuyerLimits limits) {
        this.limits = limits;
    }

    record NewShow(@NotBlank @Size(max = 200) String title, @NotEmpty @Size(max = 100) List<@NotNull ProductId> productIds,
            @NotNull Instant startsAt, @NotNull Instant endsAt, @Positive @Max(10_000) Integer maxUnitsPerBuyer) {

        @AssertTrue(message = "a show ends after it starts")
        public boolean isEndingAfterStart() {
            return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Announce a livestream show (ADMIN): while it runs, each of its products is limited per buyer "
            + "(maxUnitsPerBuyer, else the default) in every channel, whatever channel an order names")
    BuyerLimits.Show create(@Valid @RequestBody NewShow request) {
        return limits.announceShow(request.title().strip(), request.productIds(), request.startsAt(), request.endsAt(),
                request.maxUnitsPerBuyer());
    }
}
