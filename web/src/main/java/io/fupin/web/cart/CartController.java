package io.fupin.web.cart;

import io.fupin.web.format.Formats;
import io.fupin.web.storefront.Catalog;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class CartController {

    private final Cart cart;
    private final Catalog catalog;
    private final Formats formats;

    CartController(Cart cart, Catalog catalog, Formats formats) {
        this.cart = cart;
        this.catalog = catalog;
        this.formats = formats;
    }

    @GetMapping("/cart")
    String show(Model model) {
        model.addAttribute("priced", PricedCart.of(cart, catalog, formats.today()));
        return "cart";
    }

    /** From a product page: with htmx only the cart badge and a note change; without, back to the product. */
    @PostMapping("/cart/add")
    String add(@RequestParam UUID productId, @RequestParam(defaultValue = "1") int quantity, Model model,
            RedirectAttributes redirect, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        boolean added = cart.add(productId, quantity);
        if (htmx != null) {
            model.addAttribute("added", added);
            // The badge's count was taken before this request added anything.
            model.addAttribute("cartUnits", cart.units());
            return "fragments :: cart-added";
        }
        redirect.addFlashAttribute(added ? "addedToCart" : "cartFull", true);
        return "redirect:/products/" + productId;
    }

    @PostMapping("/cart/update")
    String update(@RequestParam UUID productId, @RequestParam int quantity) {
        cart.set(productId, quantity);
        return "redirect:/cart";
    }

    @PostMapping("/cart/remove")
    String remove(@RequestParam UUID productId) {
        cart.remove(productId);
        return "redirect:/cart";
    }
}
