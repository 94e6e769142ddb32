package io.fupin.support.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * One page of a list, the shape every list of every service answers: the items, where the page is, how many
 * there are in all, and links to this, the first, the previous, the next and the last page. The links are
 * the request's own path and query with only {@code page} and {@code size} replaced, so filters stay.
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages, Links links) {

    /** Paths relative to the public entrance; {@code prev} and {@code next} are absent at either end. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PageLinks")
    public record Links(String self, String first, @Schema(nullable = true) String prev,
            @Schema(nullable = true) String next, String last) {
    }

    /** A page of a list paged in the database: the rows of the page and the count of all rows. */
    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        int totalPages = (int) Math.min(Integer.MAX_VALUE, (totalItems + request.size() - 1) / request.size());
        return new Page<>(List.copyOf(items), request.page(), request.size(), totalItems, totalPages,
                links(request, totalPages));
    }

    /** A page of a list held in memory whole (short lists, or lists the repository cannot page). */
    public static <T> Page<T> slice(List<T> all, PageRequest request) {
        int from = Math.min(all.size(), request.offset());
        int to = Math.min(all.size(), from + request.size());
        return of(all.subList(from, to), request, all.size());
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapping) {
        return new Page<>(items.stream().<R>map(mapping).toList(), page, size, totalItems, totalPages, links);
    }

    private static Links links(PageRequest request, int totalPages) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest http = attributes.getRequest();
        int last = Math.max(0, totalPages - 1);
        Function<Integer, String> to = page -> link(http, page, request.size());
        return new Links(to.apply(request.page()), to.apply(0),
                request.page() > 0 ? to.apply(Math.min(request.page() - 1, last)) : null,
                request.page() < last ? to.apply(request.page() + 1) : null,
                to.apply(last));
    }

    private static String link(HttpServletRequest http, int page, int size) {
        UriComponentsBuilder link = UriComponentsBuilder.newInstance()
                .path(UriUtils.decode(http.getRequestURI(), StandardCharsets.UTF_8));
        http.getParameterMap().forEach((name, values) -> {
            if (!"page".equals(name) && !"size".equals(name)) {
                link.queryParam(name, (Object[]) values);
            }
        });
        return link.queryParam("page", page).queryParam("size", size).encode().build().toUriString();
    }
}
