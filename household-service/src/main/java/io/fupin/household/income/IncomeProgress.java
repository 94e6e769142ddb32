package io.fupin.household.income;

import io.fupin.household.income.PlaceReport.Figures;
import io.fupin.household.places.Place;
import io.fupin.household.places.PlaceKind;
import io.fupin.household.places.Places;
import io.fupin.household.registry.HouseholdCategory;
import io.fupin.household.registry.HouseholdId;
import io.fupin.household.registry.HouseholdNotFound;
import io.fupin.household.registry.HouseholdStatus;
import io.fupin.household.registry.HouseholdSummary;
import io.fupin.household.registry.Registry;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress toward the income target and the reports officials give upward, all computed from the income
 * ledger at the time of asking: no figure here is ever typed or stored.
 */
@Service
public class IncomeProgress {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final IncomeEntries ledger;
    private final Registry registry;
    private final Places places;
    private final Clock clock;

    IncomeProgress(JdbcClient jdbc, IncomeEntries ledger, Registry registry, Places places, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.registry = registry;
        this.places = places;
        this.clock = clock;
    }

    int currentYear() {
        return LocalDate.now(clock.withZone(CHINA)).getYear();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN','CLERK')")
    public HouseholdProgress of(HouseholdId householdId, Integer year) {
        HouseholdSummary household = registry.summary(householdId)
                .orElseThrow(() -> new HouseholdNotFound(householdId));
        int y = year == null ? currentYear() : year;
        return progress(household, y, entries(y, List.of(householdId.value())).getOrDefault(householdId.value(), List.of()));
    }

    /**
     * A page of the progress of the households in the place (not those who left the register), by registration
     * number, only those of {@code status} when it is given.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public Page<HouseholdProgress> inPlace(UUID placeId, Integer year, ProgressStatus status, PageRequest page) {
        places.get(placeId);
        int y = year == null ? currentYear() : year;
        Instant from = startOf(y);
        Instant until = startOf(y + 1);
        int days = Year.of(y).length();
        int elapsed = elapsedDays(y);
        List<UUID> ids = ledger.householdsInPlace(placeId, from, until, days, elapsed, status, page.size(),
                page.offset());
        Map<UUID, HouseholdSummary> households = registry.summaries(ids);
        Map<UUID, List<Entry>> entries = ids.isEmpty() ? Map.of() : entries(y, ids);
        return Page.of(ids.stream().map(id -> progress(households.get(id), y, entries.getOrDefault(id, List.of())))
                .toList(), page, ledger.countHouseholdsInPlace(placeId, from, until, days, elapsed, status));
    }

    /** Progress of every household in the place (not those who left the register), by registration number. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public List<HouseholdProgress> inPlace(UUID placeId, Integer year) {
        int y = year == null ? currentYear() : year;
        Map<UUID, List<Entry>> entries = entries(y, null);
        return registry.inPlace(placeId).stream().filter(h -> h.status() != HouseholdStatus.DEREGISTERED)
                .sorted(Comparator.comparing(HouseholdSummary::registrationNumber))
                .map(h -> progress(h, y, entries.getOrDefault(h.householdId(), List.of()))).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public PlaceReport report(UUID placeId, Integer year) {
        Place place = places.get(placeId);
        int y = year == null ? currentYear() : year;
        List<HouseholdProgress> all = inPlace(placeId, y);
        Map<UUID, HouseholdSummary> households = registry.summaries(all.stream().map(HouseholdProgress::householdId).toList());
        return report(place, y, all, households, true);
    }

    private PlaceReport report(Place place, int year, List<HouseholdProgress> all, Map<UUID, HouseholdSummary> households,
            boolean withParts) {
        Map<String, Figures> byCategory = new LinkedHashMap<>();
        for (HouseholdCategory category : HouseholdCategory.values()) {
            byCategory.put(category.name(), figures(all.stream().filter(p -> p.category() == category).toList()));
        }
        List<PlaceReport> parts = new ArrayList<>();
        if (withParts && place.kind() != PlaceKind.VILLAGE) {
            for (Place child : places.children(place.id())) {
                Predicate<HouseholdProgress> inChild = p -> Places.within(households.get(p.householdId()).village(), child.id());
                parts.add(report(child, year, all.stream().filter(inChild).toList(), households, false));
            }
        }
        return new PlaceReport(place.id(), place.kind(), place.name(), year, figures(all), byCategory, parts);
    }

    private static Figures figures(List<HouseholdProgress> progress) {
        int reached = 0;
        int onTrack = 0;
        int behind = 0;
        long total = 0;
        long reachedTotal = 0;
        for (HouseholdProgress p : progress) {
            total = Math.addExact(total, p.incomeFen());
            switch (p.status()) {
                case REACHED -> {
                    reached++;
                    reachedTotal = Math.addExact(reachedTotal, p.incomeFen());
                }
                case ON_TRACK -> onTrack++;
                case BEHIND -> behind++;
            }
        }
        return new Figures(progress.size(), reached, onTrack, behind, total, average(total, progress.size()),
                average(reachedTotal, reached));
    }

    private static long average(long total, int count) {
        return count == 0 ? 0 : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    private HouseholdProgress progress(HouseholdSummary h, int year, List<Entry> entries) {
        long income = 0;
        LocalDate reachedOn = null;
        for (Entry e : entries) {
            income = Math.addExact(income, e.amountFen());
            if (reachedOn == null && income >= h.annualTargetFen()) {
                reachedOn = LocalDate.ofInstant(e.paidAt(), CHINA);
            }
        }
        BigDecimal percent = BigDecimal.valueOf(income).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(h.annualTargetFen()), 1, RoundingMode.DOWN);
        return new HouseholdProgress(h.householdId(), h.registrationNumber(), h.headName(), h.category(),
                h.village().villageName(), h.village().townName(), year, income, h.annualTargetFen(), percent,
                status(income, h.annualTargetFen(), year), reachedOn);
    }

    /** Compares with the straight line from nothing on 1 January to the target on 31 December. */
    private ProgressStatus status(long income, long target, int year) {
        if (income >= target) {
            return ProgressStatus.REACHED;
        }
        return Math.multiplyExact(income, Year.of(year).length()) >= Math.multiplyExact(target, elapsedDays(year))
                ? ProgressStatus.ON_TRACK : ProgressStatus.BEHIND;
    }

    /** The days of the year gone by today: all of a past year's, none of a future year's. */
    private int elapsedDays(int year) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        return year < today.getYear() ? Year.of(year).length() : year > today.getYear() ? 0 : today.getDayOfYear();
    }

    private static Instant startOf(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(CHINA).toInstant();
    }

    private record Entry(UUID householdId, long amountFen, Instant paidAt) {
    }

    /** The year's entries of these households (of every household when null), by household, in payment order. */
    private Map<UUID, List<Entry>> entries(int year, Collection<UUID> households) {
        String sql = "SELECT household_id, amount_fen, paid_at FROM income_entry WHERE paid_at >= :from AND paid_at < :until"
                + (households == null ? "" : " AND household_id IN (:households)") + " ORDER BY paid_at, id";
        var spec = jdbc.sql(sql).param("from", Timestamp.from(startOf(year)))
                .param("until", Timestamp.from(startOf(year + 1)));
        if (households != null) {
            spec = spec.param("households", households.stream().map(UUID::toString).toList());
        }
        return spec.query((rs, n) -> new Entry(UUID.fromString(rs.getString(1)), rs.getLong(2),
                rs.getTimestamp(3).toInstant())).list().stream()
                .collect(Collectors.groupingBy(Entry::householdId));
    }
}
