package io.fupin.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.order.IntegrationTest;
import io.fupin.order.Shop;
import io.fupin.order.stock.ProductId;
import io.fupin.support.events.EventEnvelope;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.CallerAuthentication;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionOperations;

/** Each step of an order's life publishes its event, keyed by the order, numbered in the order's sequence. */
@IntegrationTest
@EnableScenarios
class OrderEventScenarioIntegrationTests {

    @Autowired
    Shop shop;
    @Autowired
    OrderLifecycle lifecycle;
    @Autowired
    Checkout checkout;
    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void placingPayingShippingDeliveringCompletingAndCancellingEachPublishTheirEvent(Scenario scenario) {
        Shop.Seller seller = shop.newSeller();
        UUID product = shop.listProduct(seller, 10, 2500, 0);
        Caller buyer = Caller.of("scenario-" + UUID.randomUUID(), null, "CONSUMER");
        UUID order = UUID.randomUUID();

        publishes(scenario, order, 1, tx -> checkout.place(new OrderId(order), buyer, new PlaceOrder(
                List.of(new PlaceOrder.Line(new ProductId(product), 2)), Channel.ONLINE, new PlaceOrder.Buyer(BuyerKind.INDIVIDUAL, null),
                new PlaceOrder.Delivery("王芳", "13800138000", "黑龙江省哈尔滨市双城区"))), OrderEvent.OrderPlaced.class);
        publishes(scenario, order, 2, tx -> lifecycle.pay(new OrderId(order), UUID.randomUUID(), clock.instant()),
                OrderEvent.OrderPaid.class);
        as(seller.caller());
        publishes(scenario, order, 3, tx -> lifecycle.ship(seller.caller(), new OrderId(order), "SF1234567890"),
                OrderEvent.OrderShipped.class);
        as(buyer);
        publishes(scenario, order, 4, tx -> lifecycle.confirmDelivery(new OrderId(order)), OrderEvent.OrderDelivered.class);
        publishes(scenario, order, 5, tx -> lifecycle.completeDelivered(clock.instant().plus(Duration.ofDays(60)),
                clock.instant()), OrderEvent.OrderCompleted.class);

        UUID unpaid = shop.placeOrder(buyer, product, 1);
        publishes(scenario, unpaid, 2, tx -> lifecycle.cancel(buyer, new OrderId(unpaid)), OrderEvent.OrderCancelled.class);
    }

    /** Runs the use case (outside any test transaction) and expects the order's event with its sequence number. */
    private static void publishes(Scenario scenario, UUID order, long sequence,
            Function<TransactionOperations, Object> useCase, Class<?> type) {
        scenario.stimulate(useCase)
                .andWaitForEventOfType(EventEnvelope.class)
                .matching(event -> type.isInstance(event.payload()) && event.aggregateId().equals(order.toString()))
                .toArriveAndVerify(event -> {
                    assertThat(event.eventType()).isEqualTo(type.getSimpleName());
                    assertThat(event.sequence()).isEqualTo(sequence);
                });
    }

    private static void as(Caller caller) {
        SecurityContextHolder.getContext().setAuthentication(CallerAuthentication.of(caller));
    }
}
