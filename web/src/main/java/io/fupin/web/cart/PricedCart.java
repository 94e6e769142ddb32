package io.fupin.web.cart;

import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.ServiceDown;
import io.fupin.web.storefront.Catalog;
import io.fupin.web.storefront.Product;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The cart with today's prices. A line whose product could not be read keeps its quantity and says so; the
 * total counts only lines that can be bought now.
 */
public record PricedCart(List<Line> lines, long totalFen, boolean catalogDown) {

    public record Line(UUID productId, int quantity, Product product, boolean buyable) {

        public long amountFen() {
            return product == null ? 0 : Math.multiplyExact(product.priceFen(), (long) quantity);
        }
    }

    public static PricedCart of(Cart cart, Catalog catalog, LocalDate today) {
        List<Line> lines = new ArrayList<>();
        boolean down = false;
        long total = 0;
        for (Map.Entry<UUID, Integer> entry : cart.lines().entrySet()) {
            Product product = null;
            try {
                product = catalog.product(entry.getKey());
            } catch (ServiceDown unavailable) {
                down = true;
            } catch (ApiProblem gone) {
                product = null;
            }
            boolean buyable = product != null && product.buyable(today) && product.stock() >= entry.getValue();
            Line line = new Line(entry.getKey(), entry.getValue(), product, buyable);
            if (buyable) {
                total = Math.addExact(total, line.amountFen());
            }
            lines.add(line);
        }
        return new PricedCart(List.copyOf(lines), total, down);
    }

    public boolean allBuyable() {
        return !lines.isEmpty() && lines.stream().allMatch(Line::buyable);
    }
}
