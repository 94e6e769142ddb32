package io.fupin.support.paging;

/**
 * A requested page, checked where the request arrives: {@code page} from 0, {@code size} from 1 to the
 * list's maximum, and the page's last row within {@link Integer#MAX_VALUE}, so that {@code page × size}
 * never overflows into a negative offset.
 */
public record PageRequest(int page, int size) {

    public PageRequest {
        if (page < 0) {
            throw new InvalidPageRequest("page", "must not be negative");
        }
        if (size < 1) {
            throw new InvalidPageRequest("size", "must be at least 1");
        }
        if ((long) page * size + size > Integer.MAX_VALUE) {
            throw new InvalidPageRequest("page", "is too large: page × size must stay below " + Integer.MAX_VALUE);
        }
    }

    /** A page of a list that answers at most {@code maxSize} items at once. */
    public static PageRequest of(int page, int size, int maxSize) {
        if (size > maxSize) {
            throw new InvalidPageRequest("size", "must be between 1 and " + maxSize);
        }
        return new PageRequest(page, size);
    }

    /** The number of rows before this page, for {@code OFFSET}. */
    public int offset() {
        return page * size;
    }
}
