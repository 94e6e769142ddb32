package io.fupin.settlement.resolution;

/** No such paid line, household balance or write-off. */
public class ResolutionNotFound extends RuntimeException {

    ResolutionNotFound(String message) {
        super(message);
    }
}
