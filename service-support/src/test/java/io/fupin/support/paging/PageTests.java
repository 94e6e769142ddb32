package io.fupin.support.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class PageTests {

    @AfterEach
    void forgetRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void linksKeepTheFiltersAndChangeOnlyPageAndSize() {
        requested("/api/orders", "view=seller&status=PAID&page=1&size=2");

        Page<String> page = Page.of(List.of("c", "d"), new PageRequest(1, 2), 5);

        assertThat(page.totalPages()).isEqualTo(3);
        assertThat(page.links().self()).isEqualTo("/api/orders?view=seller&status=PAID&page=1&size=2");
        assertThat(page.links().first()).isEqualTo("/api/orders?view=seller&status=PAID&page=0&size=2");
        assertThat(page.links().prev()).isEqualTo("/api/orders?view=seller&status=PAID&page=0&size=2");
        assertThat(page.links().next()).isEqualTo("/api/orders?view=seller&status=PAID&page=2&size=2");
        assertThat(page.links().last()).isEqualTo("/api/orders?view=seller&status=PAID&page=2&size=2");
    }

    @Test
    void theEndsHaveNoPrevOrNextAndAnEmptyListHasOnePage() {
        requested("/api/households", "");

        Page<String> empty = Page.of(List.of(), new PageRequest(0, 20), 0);

        assertThat(empty.totalPages()).isZero();
        assertThat(empty.links().prev()).isNull();
        assertThat(empty.links().next()).isNull();
        assertThat(empty.links().last()).isEqualTo("/api/households?page=0&size=20");
    }

    @Test
    void filterValuesInChineseAreEncodedOnce() {
        requested("/api/catalog/products", "q=%E5%A4%A7%E7%B1%B3");
        MockHttpServletRequest request = (MockHttpServletRequest)
                ((ServletRequestAttributes) RequestContextHolder.getRequestAttributes()).getRequest();
        request.setParameter("q", "大米");

        Page<String> page = Page.of(List.of("a"), new PageRequest(0, 1), 2);

        assertThat(page.links().next()).isEqualTo("/api/catalog/products?q=%E5%A4%A7%E7%B1%B3&page=1&size=1");
    }

    @Test
    void aSliceOfAListHeldInMemory() {
        Page<Integer> page = Page.slice(List.of(1, 2, 3, 4, 5), new PageRequest(2, 2));

        assertThat(page.items()).containsExactly(5);
        assertThat(page.totalItems()).isEqualTo(5);
        assertThat(page.links()).isNull();
    }

    @Test
    void refusesPagesWhoseOffsetWouldOverflow() {
        assertThatThrownBy(() -> new PageRequest(Integer.MAX_VALUE, 100))
                .isInstanceOfSatisfying(InvalidPageRequest.class, e -> assertThat(e.parameter()).isEqualTo("page"));
        assertThatThrownBy(() -> PageRequest.of(0, 101, 100))
                .isInstanceOfSatisfying(InvalidPageRequest.class, e -> assertThat(e.parameter()).isEqualTo("size"));
        assertThatThrownBy(() -> new PageRequest(-1, 10)).isInstanceOf(InvalidPageRequest.class);
        assertThat(new PageRequest(21_474_835, 100).offset()).isEqualTo(2_147_483_500);
    }

    private static void requested(String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setQueryString(query);
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                request.addParameter(kv[0], kv[1]);
            }
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
