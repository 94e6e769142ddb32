package io.fupin.catalog.reservation;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface Reservations extends ListCrudRepository<Reservation, UUID> {
}
