/**
 * Trace codes (public, no login): a QR code per product and per shipped order line, printable labels, and the
 * pages they open: certificate and validity, seller, village, households (masked), and for a completed line the
 * fen each household received.
 */
package io.fupin.web.trace;
