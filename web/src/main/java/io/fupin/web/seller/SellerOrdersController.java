package io.fupin.web.seller;

import io.fupin.web.gateway.ApiPage;
import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.ServiceDown;
import io.fupin.web.orders.Order;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Orders to ship: the worklist by status, shipping many at once (a tracking number typed per order, or a CSV of
 * order numbers and tracking numbers), the packing list to print, and the refund requests to decide.
 */
@Controller
class SellerOrdersController {

    static final List<String> STATUSES = List.of("PAID", "SHIPPED", "DELIVERED", "COMPLETED", "CANCELLED");
    /** How many orders the API gives per page of the seller's list (its largest page). */
    private static final int PAGE = 100;
    /** A livestream leaves hundreds of orders; past this many pages the seller narrows by status first. */
    private static final int MAX_PAGES = 50;

    /** One order the seller could not ship, with the API's reason (or the CSV line that named it). */
    record NotShipped(String order, String reason) {
    }

    private final SellerDesk desk;

    SellerOrdersController(SellerDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/seller/orders")
    String orders(@RequestParam(defaultValue = "PAID") String status, @RequestParam(defaultValue = "0") int page,
            Model model) {
        String filter = STATUSES.contains(status) ? status : "PAID";
        ApiPage<Order> orders = desk.orders(filter, Math.max(0, page), PAGE);
        model.addAttribute("orders", orders);
        model.addAttribute("status", filter);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("names", productNames());
        return "seller/orders";
    }

    /** {@code tracking-<orderId>} fields: each order with a tracking number typed is shipped with it. */
    @PostMapping("/seller/orders/shipments")
    String ship(@RequestParam Map<String, String> fields, RedirectAttributes redirect) {
        Map<String, String> tracking = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith("tracking-") && value != null && !value.isBlank()) {
                tracking.put(name.substring("tracking-".length()), value.strip());
            }
        });
        int shipped = 0;
        List<NotShipped> failed = new ArrayList<>();
        for (Map.Entry<String, String> entry : tracking.entrySet()) {
            UUID id;
            try {
                id = UUID.fromString(entry.getKey());
            } catch (IllegalArgumentException notAnOrder) {
                continue;
            }
            String number = fields.getOrDefault("number-" + entry.getKey(), entry.getKey());
            shipped += shipOne(id, number, entry.getValue(), failed);
        }
        return shipped(redirect, shipped, failed, tracking.isEmpty());
    }

    /** A CSV of {@code orderNumber,trackingNumber} (a header line is allowed), e.g. from the courier's system. */
    @PostMapping("/seller/orders/shipments/csv")
    String shipFromCsv(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        Map<String, UUID> paid = new HashMap<>();
        allOrders("PAID").forEach(order -> paid.put(order.orderNumber(), order.id()));
        int shipped = 0;
        int lines = 0;
        List<NotShipped> failed = new ArrayList<>();
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get().parse(reader)) {
            for (CSVRecord record : csv) {
                String number = record.get(0).replace("\uFEFF", "");
                if (record.getRecordNumber() == 1 && number.equalsIgnoreCase("orderNumber")) {
                    continue;
                }
                lines++;
                String where = "#" + record.getRecordNumber() + " " + number;
                if (record.size() < 2 || record.get(1).isBlank()) {
                    failed.add(new NotShipped(where, "no tracking number"));
                } else if (!paid.containsKey(number)) {
                    failed.add(new NotShipped(where, "not a paid order of yours"));
                } else {
                    shipped += shipOne(paid.get(number), where, record.get(1), failed);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            failed.add(new NotShipped(file.getOriginalFilename(), "not a CSV file"));
        }
        return shipped(redirect, shipped, failed, lines == 0 && failed.isEmpty());
    }

    /** Everything still to ship, one order per block, to print and pack from. */
    @GetMapping("/seller/orders/packing-list")
    String packingList(Model model) {
        List<Order> toShip = allOrders("PAID").stream()
                .filter(order -> order.lines().stream().anyMatch(line -> !line.shipped())).toList();
        model.addAttribute("orders", toShip);
        model.addAttribute("names", productNames());
        return "seller/packing-list";
    }

    @GetMapping("/seller/refunds")
    String refunds(Model model) {
        List<Order> waiting = allOrders("DELIVERED").stream()
                .filter(order -> order.refunds() != null
                        && order.refunds().stream().anyMatch(refund -> "REQUESTED".equals(refund.status())))
                .toList();
        model.addAttribute("orders", waiting);
        model.addAttribute("names", productNames());
        return "seller/refunds";
    }

    @PostMapping("/seller/orders/{id}/refunds/{refundId}/{decision:acceptance|rejection}")
    String decide(@PathVariable UUID id, @PathVariable UUID refundId, @PathVariable String decision,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        boolean accept = "acceptance".equals(decision);
        if (!accept && reason.isBlank()) {
            redirect.addFlashAttribute("reasonNeededFor", refundId);
            return "redirect:/seller/refunds";
        }
        try {
            if (accept) {
                desk.acceptRefund(id, refundId);
            } else {
                desk.rejectRefund(id, refundId, reason.strip());
            }
            redirect.addFlashAttribute("done", decision);
        } catch (ApiProblem refused) {
            redirect.addFlashAttribute("refused", refused.detail());
        }
        return "redirect:/seller/refunds";
    }

    private int shipOne(UUID id, String label, String trackingNumber, List<NotShipped> failed) {
        try {
            desk.ship(id, trackingNumber);
            return 1;
        } catch (ApiProblem refused) {
            failed.add(new NotShipped(label, refused.detail()));
            return 0;
        }
    }

    private static String shipped(RedirectAttributes redirect, int shipped, List<NotShipped> failed, boolean nothing) {
        redirect.addFlashAttribute("shipped", shipped);
        redirect.addFlashAttribute("notShipped", failed);
        redirect.addFlashAttribute("nothingToShip", nothing);
        return "redirect:/seller/orders";
    }

    private List<Order> allOrders(String status) {
        List<Order> all = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            ApiPage<Order> one = desk.orders(status, page, PAGE);
            all.addAll(one.items());
            if (!one.hasNext()) {
                break;
            }
        }
        return all;
    }

    /** The seller's product names for the order lines; a line whose product is not listed shows its id. */
    private Map<UUID, String> productNames() {
        Map<UUID, String> names = new HashMap<>();
        try {
            desk.products(null, 0, 200).items().forEach(product -> names.put(product.id(), product.name()));
        } catch (ApiProblem | ServiceDown unavailable) {
            // The lines then show product ids; the orders themselves still come from order-service.
        }
        return names;
    }
}
