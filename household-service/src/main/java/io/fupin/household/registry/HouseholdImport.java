package io.fupin.household.registry;

import io.fupin.household.audit.AuditLog;
import io.fupin.household.common.InvalidInput;
import io.fupin.household.common.InvalidInput.Violation;
import io.fupin.household.places.Places;
import io.fupin.household.places.VillageRef;
import io.fupin.support.events.EventEnvelope;
import io.fupin.support.identity.Caller;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register as a CSV file: importing one (all rows or none) and exporting a place's households. */
@Service
public class HouseholdImport {

    private static final String SUBJECT = "HOUSEHOLD";
    private static final Logger log = LoggerFactory.getLogger(HouseholdImport.class);
    private static final int EVENTS_PER_OUTBOX_ENTRY = 2_000;
    /** One district's register is a few thousand rows; a file far beyond that is a mistake or an attack. */
    static final int MAX_IMPORT_ROWS = 50_000;

    private final Registry registry;
    private final Households households;
    private final Places places;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Validator validator;

    HouseholdImport(Registry registry, Households households, Places places, PersonalDataCipher cipher, AuditLog audit,
            ApplicationEventPublisher events, Clock clock, Validator validator) {
        this.registry = registry;
        this.validator = validator;
        this.households = households;
        this.places = places;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Validates every row; a dry run reports them all, a real run registers all rows or, if any row is
     * bad, none (the whole report comes back as a 400).
     */
    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public ImportReport importCsv(Caller caller, byte[] file, boolean dryRun) {
        long started = System.nanoTime();
        HouseholdCsv.Decoded decoded = HouseholdCsv.decode(file).orElseThrow(() -> InvalidInput.of("file",
                "is neither UTF-8 nor GBK text"));
        List<HouseholdCsv.Row> rows = HouseholdCsv.parse(decoded.text());
        if (rows.isEmpty()) {
            throw InvalidInput.of("file", "has no header row");
        }
        if (rows.size() - 1 > MAX_IMPORT_ROWS) {
            throw InvalidInput.of("file", "has more than " + MAX_IMPORT_ROWS + " rows: split it");
        }
        Map<String, Integer> header = HouseholdCsv.header(rows.getFirst().cells());
        List<String> missing = HouseholdCsv.REQUIRED.stream().filter(c -> !header.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInput(missing.stream().map(c -> new Violation(c, "column is missing from the header", 1)).toList());
        }
        Map<UUID, VillageRef> villages = places.villages();
        Map<String, List<VillageRef>> villagesByTownAndName = villages.values().stream()
                .collect(Collectors.groupingBy(v -> v.townName() + "/" + v.villageName()));
        Instant now = clock.instant();
        List<Violation> errors = new ArrayList<>();
        List<Household> registering = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Map<String, Integer> registrationLines = new HashMap<>();
        Map<String, Integer> identityLines = new HashMap<>();
        for (HouseholdCsv.Row row : rows.subList(1, rows.size())) {
            Function<String, String> cell = column -> {
                Integer i = header.get(column);
                return i == null || i >= row.cells().size() ? "" : row.cells().get(i).strip();
            };
            List<Violation> rowErrors = new ArrayList<>();
            UUID villageId = resolveVillage(cell, villagesByTownAndName, rowErrors);
            Integer members = parseInt(cell.apply("members"), "members", rowErrors);
            Long target = cell.apply("annualTargetFen").isEmpty() ? null
                    : parseLong(cell.apply("annualTargetFen"), "annualTargetFen", rowErrors);
            HouseholdForm form = new HouseholdForm(cell.apply("registrationNumber"), cell.apply("headName"),
                    cell.apply("identityNumber"), cell.apply("mobile"), members == null ? Integer.valueOf(-1) : members,
                    cell.apply("category"), villageId, HouseholdCsv.projects(cell.apply("incomeProjects")),
                    cell.apply("bankName"), cell.apply("accountNumber"), target, cell.apply("status"));
            ValidHousehold.Result result = ValidHousehold.check(validator, form, false, id -> true);
            result.violations().stream()
                    .filter(v -> !(v.field().equals("members") && members == null))
                    .filter(v -> !(v.field().equals("village") && villageId == null))
                    .forEach(rowErrors::add);
            // Repeats are found on what was typed, valid or not, so that every copy after the first is named.
            String registration = cell.apply("registrationNumber");
            Integer firstReg = registration.isEmpty() ? null : registrationLines.putIfAbsent(registration, row.line());
            if (firstReg != null) {
                rowErrors.add(new Violation("registrationNumber", "repeats line " + firstReg));
            }
            String identity = IdentityNumber.normalise(cell.apply("identityNumber"));
            Integer firstId = identity.isEmpty() ? null : identityLines.putIfAbsent(identity, row.line());
            if (firstId != null) {
                rowErrors.add(new Violation("identityNumber", "repeats line " + firstId));
            }
            if (rowErrors.isEmpty()) {
                ValidHousehold valid = result.household();
                registering.add(Household.register(HouseholdId.next(), valid, cipher, now));
                accounts.add(valid.accountNumber());
                lines.add(row.line());
            }
            rowErrors.forEach(v -> errors.add(new Violation(v.field(), v.message(), row.line())));
        }
        Set<String> takenNumbers = households.takenRegistrationNumbers(registering.stream().map(Household::registrationNumber).toList());
        Set<String> takenIdentities = households.takenIdentityIndexes(registering.stream().map(Household::identityIndex).toList());
        Set<Integer> badLines = errors.stream().map(Violation::line).collect(Collectors.toCollection(HashSet::new));
        for (int i = 0; i < registering.size(); i++) {
            Household h = registering.get(i);
            if (takenNumbers.contains(h.registrationNumber())) {
                errors.add(new Violation("registrationNumber", "is already registered", lines.get(i)));
            }
            if (takenIdentities.contains(h.identityIndex())) {
                errors.add(new Violation("identityNumber", "is already registered for another household", lines.get(i)));
            }
        }
        errors.sort(Comparator.comparing(Violation::line));
        errors.stream().map(Violation::line).forEach(badLines::add);
        int dataRows = rows.size() - 1;
        int validRows = dataRows - badLines.size();
        if (dryRun) {
            return new ImportReport(true, decoded.encoding(), dataRows, validRows, 0, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        long validated = System.nanoTime();
        List<Household> imported = registry.insert(registering);
        long inserted = System.nanoTime();
        List<EventEnvelope<HouseholdEvent.HouseholdRegistered>> registered = new ArrayList<>(imported.size());
        for (int i = 0; i < imported.size(); i++) {
            Household h = imported.get(i);
            registered.add(HouseholdEvent.registered(registry.state(h, villages.get(h.villageId()), accounts.get(i))));
        }
        // Chunks keep each outbox entry far below the column's and the server's packet limits.
        for (int from = 0; from < registered.size(); from += EVENTS_PER_OUTBOX_ENTRY) {
            events.publishEvent(new ImportedHouseholdsRelay.HouseholdsImported(
                    List.copyOf(registered.subList(from, Math.min(registered.size(), from + EVENTS_PER_OUTBOX_ENTRY)))));
        }
        log.info("Imported {} households: checked in {} ms, inserted in {} ms, events written in {} ms",
                imported.size(), (validated - started) / 1_000_000, (inserted - validated) / 1_000_000,
                (System.nanoTime() - inserted) / 1_000_000);
        audit.record(caller, "IMPORT", SUBJECT, null, "imported " + imported.size() + " households ("
                + decoded.encoding() + ")");
        return new ImportReport(false, decoded.encoding(), dataRows, validRows, imported.size(), List.of());
    }

    /** The import format, unmasked (officials re-import it): UTF-8 with a BOM so that Excel reads it right. */
    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public byte[] exportCsv(Caller caller, UUID placeId) {
        Map<UUID, VillageRef> villages = places.villages();
        List<Household> exported = registry.scoped(placeId, villages);
        ByteArrayOutputStream out = new ByteArrayOutputStream(exported.size() * 200 + 200);
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(HouseholdCsv.line(HouseholdCsv.COLUMNS).getBytes(StandardCharsets.UTF_8));
        for (Household h : exported) {
            VillageRef v = villages.get(h.villageId());
            out.writeBytes(HouseholdCsv.line(List.of(h.registrationNumber(), h.headName(), cipher.open(h.id().value(), PersonalDataCipher.Field.IDENTITY, h.identityCipher()),
                    h.mobile(), Integer.toString(h.members()), h.category().name(), v.districtName(), v.townName(),
                    v.villageName(), h.incomeProjects().stream().map(Enum::name).sorted().collect(Collectors.joining(";")),
                    h.bankName(), cipher.open(h.id().value(), PersonalDataCipher.Field.ACCOUNT, h.accountCipher()), Long.toString(h.annualTargetFen()), h.status().name()))
                    .getBytes(StandardCharsets.UTF_8));
        }
        audit.record(caller, "EXPORT", SUBJECT, placeId, "exported " + exported.size() + " households unmasked");
        return out.toByteArray();
    }

    private static UUID resolveVillage(Function<String, String> cell, Map<String, List<VillageRef>> byTownAndName,
            List<Violation> errors) {
        List<VillageRef> candidates = byTownAndName.getOrDefault(cell.apply("town") + "/" + cell.apply("village"), List.of());
        String district = cell.apply("district");
        if (!district.isEmpty()) {
            candidates = candidates.stream().filter(v -> v.districtName().equals(district)).toList();
        }
        if (candidates.size() != 1) {
            errors.add(new Violation("village", candidates.isEmpty()
                    ? "unknown village " + cell.apply("town") + " " + cell.apply("village")
                    : "ambiguous village: name the district"));
            return null;
        }
        return candidates.getFirst().villageId();
    }

    private static Integer parseInt(String value, String field, List<Violation> errors) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            errors.add(new Violation(field, "must be a whole number"));
            return null;
        }
    }

    private static Long parseLong(String value, String field, List<Violation> errors) {
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            errors.add(new Violation(field, "must be a whole number of fen"));
            return null;
        }
    }
}
