package io.fupin.web.checkout;

import io.fupin.web.cart.Cart;
import io.fupin.web.cart.PricedCart;
import io.fupin.web.format.Formats;
import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.ServiceDown;
import io.fupin.web.orders.Order;
import io.fupin.web.orders.Orders;
import io.fupin.web.storefront.Catalog;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class CheckoutController {

    static final int ADDRESS_BOOK_SIZE = 5;

    private final Cart cart;
    private final Catalog catalog;
    private final Orders orders;
    private final Formats formats;
    private final PlacedAttempts placedAttempts;
    /**
     * The two requests of a double click are handled one after the other: the second finds the first's order
     * (in the session, or replayed by order-service under the same key), rather than racing it.
     */
    private final ReentrantLock[] attempts = new ReentrantLock[64];

    CheckoutController(Cart cart, Catalog catalog, Orders orders, Formats formats, PlacedAttempts placedAttempts) {
        this.cart = cart;
        this.placedAttempts = placedAttempts;
        this.catalog = catalog;
        this.orders = orders;
        this.formats = formats;
        for (int i = 0; i < attempts.length; i++) {
            attempts[i] = new ReentrantLock();
        }
    }

    /** The form, empty or filled in with the address book's entry {@code address} (an index into it). */
    @GetMapping("/checkout")
    String form(@RequestParam(required = false) Integer address, Model model) {
        if (cart.isEmpty()) {
            return "redirect:/cart";
        }
        List<Order.Delivery> addresses = orders.recentDeliveries(ADDRESS_BOOK_SIZE);
        CheckoutForm form = CheckoutForm.blank(UUID.randomUUID().toString());
        if (address != null && address >= 0 && address < addresses.size()) {
            form = form.deliveringTo(addresses.get(address));
        }
        model.addAttribute("addresses", addresses);
        return render(model, form, null);
    }

    @PostMapping("/checkout")
    String place(CheckoutForm form, Model model) {
        if (form.attempt() == null || form.attempt().isBlank()) {
            return "redirect:/cart";
        }
        ReentrantLock lock = attempts[Math.floorMod(form.attempt().hashCode(), attempts.length)];
        lock.lock();
        try {
            Optional<UUID> placed = placedAttempts.orderOf(form.attempt());
            if (placed.isPresent()) {
                return "redirect:/account/orders/" + placed.get() + "?placed";
            }
            if (cart.isEmpty()) {
                return "redirect:/cart";
            }
            return place(form, model, newOrder(form));
        } finally {
            lock.unlock();
        }
    }

    private String place(CheckoutForm form, Model model, Orders.NewOrder order) {
        Order placed;
        try {
            placed = orders.place(order, form.attempt());
        } catch (ApiProblem refused) {
            if (refused.busy()) {
                // Too busy to take it (a livestream rush): refused before anything was stored, and order-service
                // asks for the same key again. The cart and the form stay as they are for the next submission.
                model.addAttribute("busySeconds", refused.retryAfterSeconds());
                return render(model, form, null);
            }
            // A refused attempt is over: the next submission is a new attempt with a new key.
            return render(model, form.nextAttempt(UUID.randomUUID().toString()), refused);
        } catch (ServiceDown down) {
            // Nothing was placed, or it was and a retry with the same key will answer it: keep the key.
            model.addAttribute("ordersDown", true);
            return render(model, form, null);
        }
        placedAttempts.placed(form.attempt(), placed.id());
        cart.clear();
        return "redirect:/account/orders/" + placed.id() + "?placed";
    }

    private Orders.NewOrder newOrder(CheckoutForm form) {
        return new Orders.NewOrder(
                cart.lines().entrySet().stream().map(e -> new Orders.NewLine(e.getKey(), e.getValue())).toList(),
                "ONLINE",
                new Orders.Buyer(form.organisation() ? "ORGANISATION" : "INDIVIDUAL",
                        form.organisation() ? form.organisationName() : null),
                new Order.Delivery(form.name(), form.mobile(), form.address()));
    }

    private String render(Model model, CheckoutForm form, ApiProblem problem) {
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        model.addAttribute("priced", PricedCart.of(cart, catalog, formats.today()));
        return "checkout";
    }
}
