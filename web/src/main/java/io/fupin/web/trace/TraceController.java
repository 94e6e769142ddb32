package io.fupin.web.trace;

import io.fupin.web.WebProperties;
import io.fupin.web.format.Formats;
import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Fetched;
import io.fupin.web.gateway.Gateway;
import io.fupin.web.storefront.Catalog;
import io.fupin.web.storefront.Product;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public trace pages and their codes. A product's code opens {@code /trace/p/{id}}; a shipped order line's
 * opens {@code /trace/l/{orderId}/{productId}} (the order id is a random UUID: the printed code is the key).
 */
@Controller
class TraceController {

    private final Catalog catalog;
    private final Gateway gateway;
    private final QrCodes qr;
    private final WebProperties properties;
    private final Formats formats;

    TraceController(Catalog catalog, Gateway gateway, QrCodes qr, WebProperties properties, Formats formats) {
        this.catalog = catalog;
        this.gateway = gateway;
        this.qr = qr;
        this.properties = properties;
        this.formats = formats;
    }

    @GetMapping("/trace/p/{productId}")
    String product(@PathVariable UUID productId, Model model) {
        describe(productId, model, "/trace/p/" + productId);
        return "trace";
    }

    @GetMapping("/trace/l/{orderId}/{productId}")
    String line(@PathVariable UUID orderId, @PathVariable UUID productId, Model model) {
        describe(productId, model, "/trace/l/" + orderId + "/" + productId);
        model.addAttribute("line", Fetched.of(() -> {
            try {
                return gateway.get(null, "/api/settlements/public/orders/{o}/products/{p}", LineTrace.class, orderId,
                        productId);
            } catch (ApiProblem notPaid) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, notPaid.detail());
            }
        }));
        return "trace";
    }

    @GetMapping("/trace/p/{productId}/label")
    String productLabel(@PathVariable UUID productId, Model model) {
        model.addAttribute("product", product(productId));
        model.addAttribute("code", "/trace/p/" + productId);
        model.addAttribute("kind", "shelf");
        return "label";
    }

    @GetMapping("/trace/l/{orderId}/{productId}/label")
    String lineLabel(@PathVariable UUID orderId, @PathVariable UUID productId, Model model) {
        model.addAttribute("product", product(productId));
        model.addAttribute("code", "/trace/l/" + orderId + "/" + productId);
        model.addAttribute("kind", "parcel");
        return "label";
    }

    @GetMapping(value = "/trace/p/{productId}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> productCode(@PathVariable UUID productId) {
        return png("/trace/p/" + productId);
    }

    @GetMapping(value = "/trace/l/{orderId}/{productId}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> lineCode(@PathVariable UUID orderId, @PathVariable UUID productId) {
        return png("/trace/l/" + orderId + "/" + productId);
    }

    /** The code holds the public address (the gateway's), not this application's own. */
    private ResponseEntity<byte[]> png(String path) {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic())
                .body(qr.png(properties.publicUrl().resolve(path).toString(), 360));
    }

    private void describe(UUID productId, Model model, String code) {
        model.addAttribute("code", code);
        model.addAttribute("publicLink", properties.publicUrl().resolve(code).toString());
        Product product = product(productId);
        model.addAttribute("product", product);
        model.addAttribute("certificateState", product.certificateState(formats.today()));
        model.addAttribute("beneficiaries", Fetched.of(() -> catalog.beneficiaries(productId)));
    }

    private Product product(UUID productId) {
        try {
            return catalog.product(productId);
        } catch (ApiProblem unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, unknown.detail());
        }
    }
}
