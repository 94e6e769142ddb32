package io.fupin.household.places;

import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/households/places")
@Tag(name = "Places", description = "District, towns and villages")
class PlaceController {

    private final Places places;

    PlaceController(Places places) {
        this.places = places;
    }

    record AddPlace(@NotNull PlaceKind kind, @NotBlank String name, UUID parentId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a district, town or village (OFFICIAL, ADMIN)")
    Place add(@Valid @RequestBody AddPlace request) {
        return places.add(request.kind(), request.name(), request.parentId());
    }

    @GetMapping
    @Operation(summary = "Every place (OFFICIAL, ADMIN, CLERK, SELLER)")
    Page<Place> all(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "1000") int size) {
        return places.all(PageRequest.of(page, size, 1000));
    }

    @GetMapping("/{placeId}/children")
    @Operation(summary = "The towns of a district or the villages of a town")
    Page<Place> children(@PathVariable UUID placeId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "1000") int size) {
        return places.children(placeId, PageRequest.of(page, size, 1000));
    }
}
