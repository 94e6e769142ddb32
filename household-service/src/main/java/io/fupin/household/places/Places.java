package io.fupin.household.places;

import org.springframework.security.access.prepost.PreAuthorize;
import io.fupin.household.common.InvalidInput;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The place hierarchy: small (a district has tens of towns and hundreds of villages), read often. */
@Service
public class Places {

    private static final String ROOT_KEY = "-";

    private final JdbcClient jdbc;
    private final Clock clock;

    Places(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public Place add(PlaceKind kind, String name, UUID parentId) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw InvalidInput.of("name", "must be 1 to 100 characters");
        }
        if (kind == PlaceKind.DISTRICT) {
            if (parentId != null) {
                throw InvalidInput.of("parentId", "a district has no parent");
            }
        } else {
            if (parentId == null) {
                throw InvalidInput.of("parentId", "a " + kind.name().toLowerCase() + " needs its "
                        + kind.parentKind().name().toLowerCase());
            }
            Place parent = find(parentId).orElseThrow(() -> InvalidInput.of("parentId", "no such place"));
            if (parent.kind() != kind.parentKind()) {
                throw InvalidInput.of("parentId", "must be a " + kind.parentKind().name().toLowerCase());
            }
        }
        Place place = new Place(UUID.randomUUID(), kind, trimmed, parentId);
        try {
            jdbc.sql("INSERT INTO place (id, kind, name, parent_id, parent_key, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(place.id().toString(), kind.name(), trimmed, parentId == null ? null : parentId.toString(),
                            parentId == null ? ROOT_KEY : parentId.toString(), Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new PlaceExists(trimmed);
        }
        return place;
    }

    @Transactional(readOnly = true)
    public Optional<Place> find(UUID id) {
        return jdbc.sql("SELECT id, kind, name, parent_id FROM place WHERE id = ?").param(id.toString())
                .query(Places::place).optional();
    }

    @Transactional(readOnly = true)
    public Place get(UUID id) {
        return find(id).orElseThrow(() -> new PlaceNotFound(id));
    }

    /** A page of every place: districts, then towns, then villages, each by name. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN','CLERK','SELLER')")
    public Page<Place> all(PageRequest page) {
        List<Place> rows = jdbc.sql("SELECT id, kind, name, parent_id FROM place ORDER BY kind, name, id LIMIT ? OFFSET ?")
                .params(page.size(), page.offset()).query(Places::place).list();
        return Page.of(rows, page, jdbc.sql("SELECT COUNT(*) FROM place").query(Long.class).single());
    }

    /** A page of the towns of a district or the villages of a town, by name; the place must exist. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN','CLERK','SELLER')")
    public Page<Place> children(UUID parentId, PageRequest page) {
        get(parentId);
        List<Place> rows = jdbc.sql("SELECT id, kind, name, parent_id FROM place WHERE parent_id = ? "
                        + "ORDER BY name, id LIMIT ? OFFSET ?")
                .params(parentId.toString(), page.size(), page.offset()).query(Places::place).list();
        long total = jdbc.sql("SELECT COUNT(*) FROM place WHERE parent_id = ?").param(parentId.toString())
                .query(Long.class).single();
        return Page.of(rows, page, total);
    }

    /** Every town of a district or village of a town, by name. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN','CLERK','SELLER')")
    public List<Place> children(UUID parentId) {
        return jdbc.sql("SELECT id, kind, name, parent_id FROM place WHERE parent_id = ? ORDER BY name, id")
                .param(parentId.toString()).query(Places::place).list();
    }

    /** Every village with its town and district, keyed by village id. */
    @Transactional(readOnly = true)
    public Map<UUID, VillageRef> villages() {
        return jdbc.sql("""
                SELECT v.id, v.name, t.id, t.name, d.id, d.name
                FROM place v JOIN place t ON t.id = v.parent_id JOIN place d ON d.id = t.parent_id
                WHERE v.kind = 'VILLAGE'
                """).query((rs, n) -> new VillageRef(UUID.fromString(rs.getString(1)), rs.getString(2),
                UUID.fromString(rs.getString(3)), rs.getString(4), UUID.fromString(rs.getString(5)), rs.getString(6)))
                .list().stream().collect(Collectors.toMap(VillageRef::villageId, Function.identity()));
    }

    @Transactional(readOnly = true)
    public Optional<VillageRef> village(UUID villageId) {
        return Optional.ofNullable(villages().get(villageId));
    }

    /** Whether a village lies within the place (itself, its town or its district). */
    public static boolean within(VillageRef village, UUID placeId) {
        return placeId == null || village.villageId().equals(placeId) || village.townId().equals(placeId)
                || village.districtId().equals(placeId);
    }

    private static Place place(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String parent = rs.getString("parent_id");
        return new Place(UUID.fromString(rs.getString("id")), PlaceKind.valueOf(rs.getString("kind")),
                rs.getString("name"), parent == null ? null : UUID.fromString(parent));
    }
}
