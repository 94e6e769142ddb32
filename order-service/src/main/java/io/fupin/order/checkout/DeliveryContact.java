package io.fupin.order.checkout;

public record DeliveryContact(String name, String mobile, String address) {
}
