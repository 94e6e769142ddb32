package io.fupin.support.identity;

/** The caller is known but may not do this (answered 403). */
public class AccessDenied extends RuntimeException {

    public AccessDenied(String message) {
        super(message);
    }
}
