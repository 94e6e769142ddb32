package io.fupin.web.cart;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's header shows how many units the cart holds. */
@ControllerAdvice
class CartBadge {

    private final Cart cart;

    CartBadge(Cart cart) {
        this.cart = cart;
    }

    @ModelAttribute("cartUnits")
    int cartUnits() {
        return cart.units();
    }
}
