package io.fupin.web.seller;

import io.fupin.web.format.Formats;
import io.fupin.web.format.Money;
import io.fupin.web.gateway.ApiPage;
import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Fetched;
import io.fupin.web.storefront.Beneficiaries;
import io.fupin.web.storefront.Catalog;
import io.fupin.web.storefront.Product;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The seller's products: the list by state, listing a new one, and on each product's page its price and costs
 * (with evidence), stock and certification request. A refused form is shown again with the API's field errors
 * next to their fields and what was typed kept.
 */
@Controller
class SellerProductsController {

    static final List<String> CATEGORIES = List.of("RICE", "PEANUTS", "EGGS", "MILLET", "VEGETABLES", "POULTRY", "MEAT",
            "HERBS", "OTHER");
    static final List<String> STATUSES = List.of("DRAFT", "CERTIFICATION_REQUESTED", "CERTIFICATION_REJECTED",
            "ON_SALE", "SUSPENDED", "CERTIFICATION_EXPIRED", "REVOKED", "DELISTED");

    private final SellerDesk desk;
    private final Catalog catalog;

    SellerProductsController(SellerDesk desk, Catalog catalog) {
        this.desk = desk;
        this.catalog = catalog;
    }

    @GetMapping("/seller")
    String console() {
        return "redirect:/seller/products";
    }

    @GetMapping("/seller/products")
    String products(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            Model model) {
        String filter = status != null && STATUSES.contains(status) ? status : null;
        ApiPage<Product> products = desk.products(filter, Math.max(0, page), 20);
        model.addAttribute("products", products);
        model.addAttribute("status", filter);
        model.addAttribute("statuses", STATUSES);
        return "seller/products";
    }

    @GetMapping("/seller/products/new")
    String newProduct(Model model) {
        model.addAttribute("typed", Map.of("category", "RICE", "stock", "0", "cost", "0"));
        model.addAttribute("categories", CATEGORIES);
        return "seller/product-new";
    }

    @PostMapping("/seller/products")
    String list(@RequestParam Map<String, String> typed, Model model) {
        List<ApiProblem.FieldError> invalid = new ArrayList<>();
        long price = amount(typed.get("price"), "priceFen", invalid);
        long cost = typed.getOrDefault("cost", "").isBlank() ? 0 : amount(typed.get("cost"), "costFen", invalid);
        int stock = whole(typed.getOrDefault("stock", "0"), "stock", invalid);
        SellerDesk.Presale presale = presale(typed, invalid);
        try {
            if (!invalid.isEmpty()) {
                throw invalid(invalid);
            }
            Product listed;
            try {
                listed = desk.list(new SellerDesk.NewProduct(typed.get("name"), typed.get("category"),
                        blankToNull(typed.get("brand")), blankToNull(typed.get("description")), typed.get("unit"), price,
                        cost, blankToNull(typed.get("costReason")), stock, blankToNull(typed.get("originVillage")),
                        presale));
            } catch (ApiProblem refused) {
                throw besidePresaleFields(refused);
            }
            return "redirect:/seller/products/" + listed.id() + "?listed";
        } catch (ApiProblem refused) {
            model.addAttribute("typed", typed);
            model.addAttribute("categories", CATEGORIES);
            model.addAttribute("problem", refused);
            return "seller/product-new";
        }
    }

    /** Name, category, brand, description, unit, village of origin and presale terms, in any state but the last ones. */
    @PostMapping("/seller/products/{id}/details")
    String describe(@PathVariable UUID id, @RequestParam Map<String, String> typed, Model model,
            RedirectAttributes redirect) {
        List<ApiProblem.FieldError> invalid = new ArrayList<>();
        SellerDesk.Presale presale = presale(typed, invalid);
        return step(id, "details", typed, model, redirect, invalid, () -> {
            try {
                desk.describe(id, new SellerDesk.Details(typed.get("name"), typed.get("category"),
                        blankToNull(typed.get("brand")), blankToNull(typed.get("description")), typed.get("unit"),
                        blankToNull(typed.get("originVillage")), presale));
            } catch (ApiProblem refused) {
                throw besidePresaleFields(refused);
            }
            return "described";
        });
    }

    /** Presale terms typed: none when both fields are empty, otherwise a date and a whole number, both. */
    private static SellerDesk.Presale presale(Map<String, String> typed, List<ApiProblem.FieldError> invalid) {
        String date = typed.getOrDefault("presaleDeliveryDate", "").strip();
        String capacity = typed.getOrDefault("presaleCapacity", "").strip();
        if (date.isEmpty() && capacity.isEmpty()) {
            return null;
        }
        LocalDate delivery = day(date, "presaleDeliveryDate", invalid);
        if (!capacity.matches("\\d{1,8}") || Integer.parseInt(capacity) == 0) {
            invalid.add(new ApiProblem.FieldError("presaleCapacity", "not a positive whole number"));
            return null;
        }
        return delivery == null ? null : new SellerDesk.Presale(delivery, Integer.parseInt(capacity));
    }

    /** catalog-service names {@code presale.deliveryDate} and {@code presale.capacity}; the form's fields are flat. */
    private static ApiProblem besidePresaleFields(ApiProblem refused) {
        List<ApiProblem.FieldError> renamed = refused.errors().stream().map(error -> switch (String.valueOf(error.field())) {
            case "presale", "presale.deliveryDate" -> new ApiProblem.FieldError("presaleDeliveryDate", error.message());
            case "presale.capacity" -> new ApiProblem.FieldError("presaleCapacity", error.message());
            default -> error;
        }).toList();
        return new ApiProblem(refused.status(), refused.type(), refused.detail(), renamed);
    }

    @GetMapping("/seller/products/{id}")
    String product(@PathVariable UUID id, Model model) {
        return render(id, model, null, null, Map.of());
    }

    @PostMapping("/seller/products/{id}/price")
    String reprice(@PathVariable UUID id, @RequestParam Map<String, String> typed, Model model,
            RedirectAttributes redirect) {
        List<ApiProblem.FieldError> invalid = new ArrayList<>();
        long price = amount(typed.get("price"), "priceFen", invalid);
        long cost = amount(typed.get("cost"), "costFen", invalid);
        return step(id, "price", typed, model, redirect, invalid, () -> desk.reprice(id,
                new SellerDesk.Reprice(price, cost, blankToNull(typed.get("costReason")), blankToNull(typed.get("evidence"))))
                ? "repriced" : "costChangePending");
    }

    @PostMapping("/seller/products/{id}/stock")
    String restock(@PathVariable UUID id, @RequestParam Map<String, String> typed, Model model,
            RedirectAttributes redirect) {
        List<ApiProblem.FieldError> invalid = new ArrayList<>();
        String text = typed.getOrDefault("delta", "").strip();
        int delta = 0;
        if (!text.matches("[+-]?\\d{1,8}") || Integer.parseInt(text) == 0) {
            invalid.add(new ApiProblem.FieldError("delta", "not a whole number"));
        } else {
            delta = Integer.parseInt(text);
        }
        int change = delta;
        return step(id, "stock", typed, model, redirect, invalid, () -> {
            desk.adjustStock(id, change);
            return "restocked";
        });
    }

    @PostMapping("/seller/products/{id}/certification-request")
    String requestCertification(@PathVariable UUID id, @RequestParam Map<String, String> typed, Model model,
            RedirectAttributes redirect) {
        List<ApiProblem.FieldError> invalid = new ArrayList<>();
        LocalDate from = day(typed.get("validFrom"), "validFrom", invalid);
        LocalDate until = day(typed.get("validUntil"), "validUntil", invalid);
        return step(id, "certification", typed, model, redirect, invalid, () -> {
            desk.requestCertification(id, new SellerDesk.CertificationRequest(typed.get("certificateNumber"),
                    typed.get("issuingBody"), from, until));
            return "certificationRequested";
        });
    }

    /**
     * Declares the next version of the product's linkage: a share per household ({@code share-<householdId>}, 0 or
     * empty leaves it out), one more household by its id ({@code newHousehold}, {@code newShares}), the lot's name
     * and when it takes effect (Asia/Shanghai; empty for now). household-service's refusals come back beside the
     * row or field they name.
     */
    @PostMapping("/seller/products/{id}/linkage")
    String declareLinkage(@PathVariable UUID id, @RequestParam Map<String, String> typed, Model model,
            RedirectAttributes redirect) {
        List<ApiProblem.FieldError> invalid = new ArrayList<>();
        List<SellerDesk.DeclaredShare> shares = new ArrayList<>();
        // The form's field behind each share sent, in the order sent: the API names shares by their index.
        List<String> rows = new ArrayList<>();
        typed.forEach((name, value) -> {
            if (name.startsWith("share-")) {
                String text = value == null ? "" : value.strip();
                if (text.isEmpty() || text.matches("0+")) {
                    return;
                }
                UUID household;
                try {
                    household = UUID.fromString(name.substring("share-".length()));
                } catch (IllegalArgumentException notAHousehold) {
                    return;
                }
                if (!text.matches("\\d{1,6}")) {
                    invalid.add(new ApiProblem.FieldError(name, "not a whole number"));
                    return;
                }
                shares.add(new SellerDesk.DeclaredShare(household, Integer.parseInt(text)));
                rows.add(household.toString());
            }
        });
        String added = typed.getOrDefault("newHousehold", "").strip();
        if (!added.isEmpty()) {
            String text = typed.getOrDefault("newShares", "").strip();
            UUID household = null;
            try {
                household = UUID.fromString(added);
            } catch (IllegalArgumentException notAnId) {
                invalid.add(new ApiProblem.FieldError("newHousehold", "not a household id"));
            }
            if (!text.matches("\\d{1,6}") || Integer.parseInt(text) == 0) {
                invalid.add(new ApiProblem.FieldError("newShares", "not a positive whole number"));
            } else if (household != null) {
                shares.add(new SellerDesk.DeclaredShare(household, Integer.parseInt(text)));
                rows.add(null);
            }
        }
        Instant from = null;
        String when = typed.getOrDefault("effectiveFrom", "").strip();
        if (!when.isEmpty()) {
            try {
                from = LocalDateTime.parse(when).atZone(Formats.SHANGHAI).toInstant();
            } catch (DateTimeParseException notATime) {
                invalid.add(new ApiProblem.FieldError("effectiveFrom", "not a time"));
            }
        }
        Instant effectiveFrom = from;
        return step(id, "linkage", typed, model, redirect, invalid, () -> {
            try {
                desk.declareLinkage(id, new SellerDesk.LinkageDeclaration(blankToNull(typed.get("lotName")),
                        effectiveFrom, shares));
            } catch (ApiProblem refused) {
                throw besideTheirRows(refused, rows);
            }
            return "linkageDeclared";
        });
    }

    private static final Pattern SHARE_FIELD = Pattern.compile("shares\\[(\\d+)]\\.(householdId|shares)");

    /** {@code shares[2].shares} becomes the field of the form's row that share came from. */
    private static ApiProblem besideTheirRows(ApiProblem refused, List<String> rows) {
        List<ApiProblem.FieldError> renamed = new ArrayList<>();
        for (ApiProblem.FieldError error : refused.errors()) {
            Matcher share = SHARE_FIELD.matcher(error.field() == null ? "" : error.field());
            if (share.matches() && Integer.parseInt(share.group(1)) < rows.size()) {
                String household = rows.get(Integer.parseInt(share.group(1)));
                boolean id = "householdId".equals(share.group(2));
                renamed.add(new ApiProblem.FieldError(household == null ? (id ? "newHousehold" : "newShares")
                        : (id ? "household-" : "share-") + household, error.message()));
            } else {
                renamed.add(error);
            }
        }
        return new ApiProblem(refused.status(), refused.type(), refused.detail(), renamed);
    }

    /** The product's photo, replacing any earlier one; catalog-service checks what the file really is. */
    @PostMapping("/seller/products/{id}/photo")
    String uploadPhoto(@PathVariable UUID id, @RequestParam("photo") MultipartFile photo, Model model,
            RedirectAttributes redirect) {
        List<ApiProblem.FieldError> invalid = new ArrayList<>();
        if (photo.isEmpty()) {
            invalid.add(new ApiProblem.FieldError("photo", "no file"));
        }
        return step(id, "photo", Map.of(), model, redirect, invalid, () -> {
            try {
                desk.uploadPhoto(id, photo.getOriginalFilename() == null ? "photo" : photo.getOriginalFilename(),
                        photo.getContentType() == null ? "application/octet-stream" : photo.getContentType(),
                        photo.getBytes());
            } catch (IOException unreadable) {
                throw new ApiProblem(400, "invalid-request", "unreadable upload",
                        List.of(new ApiProblem.FieldError("photo", "unreadable")));
            }
            return "photoUploaded";
        });
    }

    /** One change to a product: done, then back to its page; refused, its form again with the errors. */
    private String step(UUID id, String form, Map<String, String> typed, Model model, RedirectAttributes redirect,
            List<ApiProblem.FieldError> invalid, Supplier<String> change) {
        try {
            if (!invalid.isEmpty()) {
                throw invalid(invalid);
            }
            redirect.addFlashAttribute("done", change.get());
            return "redirect:/seller/products/" + id;
        } catch (ApiProblem refused) {
            if (refused.status() == 404 || refused.status() == 403) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, refused.detail());
            }
            return render(id, model, form, refused, typed);
        }
    }

    private String render(UUID id, Model model, String form, ApiProblem problem, Map<String, String> typed) {
        Product product;
        try {
            product = desk.product(id);
        } catch (ApiProblem notFound) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, notFound.detail());
        }
        Fetched<SellerDesk.CostChanges> changes = Fetched.of(() -> {
            try {
                return desk.costChanges(id);
            } catch (ApiProblem notYours) {
                // Another seller's product: its page is not this seller's to see.
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, notYours.detail());
            }
        });
        Fetched<Beneficiaries> linked = Fetched.of(() -> catalog.beneficiaries(id));
        Fetched<List<SellerDesk.LinkageVersion>> history = Fetched.of(() -> {
            try {
                ApiPage<SellerDesk.LinkageVersion> versions = desk.linkageHistory(id);
                return versions == null ? List.<SellerDesk.LinkageVersion>of() : versions.items();
            } catch (ApiProblem none) {
                return List.of();
            }
        });
        model.addAttribute("linked", linked.value());
        model.addAttribute("linkageHistory", history.present() ? history.value() : List.of());
        model.addAttribute("linkageRows", history.present() ? linkageRows(history.value()) : List.of());
        model.addAttribute("householdsDown", linked.down() || history.down());
        model.addAttribute("product", product);
        model.addAttribute("costChanges", changes.present() ? changes.value().items() : List.of());
        model.addAttribute("costChangesDown", changes.down());
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        model.addAttribute("typed", typed);
        model.addAttribute("categories", CATEGORIES);
        model.addAttribute("details", "details".equals(form) ? typed : details(product));
        model.addAttribute("requestable", List.of("DRAFT", "CERTIFICATION_REJECTED", "CERTIFICATION_EXPIRED")
                .contains(product.status()));
        return "seller/product";
    }

    /** The details form filled in with what the product has now. */
    private static Map<String, String> details(Product product) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", product.name());
        values.put("category", product.category());
        values.put("brand", product.brand() == null ? "" : product.brand());
        values.put("description", product.description() == null ? "" : product.description());
        values.put("unit", product.unit());
        values.put("originVillage", product.village() == null ? "" : product.village());
        values.put("presaleDeliveryDate", product.presale() == null ? "" : product.presale().deliveryDate().toString());
        values.put("presaleCapacity", product.presale() == null ? "" : String.valueOf(product.presale().capacity()));
        return values;
    }

    /** A household the product's linkage named in any version, masked, with its share in the latest (0 if left out). */
    record LinkageRow(UUID householdId, String maskedName, String registrationNumber, String village, int shares) {
    }

    /** The households of the latest version first, then those earlier versions named, each once. */
    static List<LinkageRow> linkageRows(List<SellerDesk.LinkageVersion> history) {
        Map<UUID, LinkageRow> rows = new LinkedHashMap<>();
        for (int v = history.size() - 1; v >= 0; v--) {
            boolean latest = v == history.size() - 1;
            List<SellerDesk.LinkageShare> shares = history.get(v).shares() == null ? List.of() : history.get(v).shares();
            for (SellerDesk.LinkageShare share : shares) {
                if (share.householdId() != null) {
                    rows.putIfAbsent(share.householdId(), new LinkageRow(share.householdId(), mask(share.headName()),
                            share.registrationNumber(), share.villageName(), latest ? share.shares() : 0));
                }
            }
        }
        return List.copyOf(rows.values());
    }

    /** 王秀兰 → 王**: the console shows households as the public pages do. */
    static String mask(String name) {
        if (name == null || name.isEmpty()) {
            return "*";
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    private static ApiProblem invalid(List<ApiProblem.FieldError> errors) {
        return new ApiProblem(400, "invalid-request", "invalid input", errors);
    }

    private static long amount(String typed, String field, List<ApiProblem.FieldError> invalid) {
        OptionalLong fen = Money.fen(typed);
        if (fen.isEmpty()) {
            invalid.add(new ApiProblem.FieldError(field, "not an amount"));
            return 0;
        }
        return fen.getAsLong();
    }

    private static int whole(String typed, String field, List<ApiProblem.FieldError> invalid) {
        String text = typed == null ? "" : typed.strip();
        if (!text.matches("\\d{1,9}")) {
            invalid.add(new ApiProblem.FieldError(field, "not a whole number"));
            return 0;
        }
        return Integer.parseInt(text);
    }

    private static LocalDate day(String typed, String field, List<ApiProblem.FieldError> invalid) {
        try {
            return LocalDate.parse(typed == null ? "" : typed.strip());
        } catch (DateTimeParseException e) {
            invalid.add(new ApiProblem.FieldError(field, "not a date"));
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
