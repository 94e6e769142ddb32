package io.fupin.household.registry;

import io.fupin.household.audit.AuditLog;
import io.fupin.household.common.Conflict;
import io.fupin.household.common.InvalidInput;
import io.fupin.household.common.InvalidInput.Violation;
import io.fupin.household.common.NotFound;
import io.fupin.household.places.Places;
import io.fupin.household.places.VillageRef;
import io.fupin.household.registry.HouseholdEvent.HouseholdState;
import io.fupin.household.registry.HouseholdEvent.PayoutAccount;
import io.fupin.support.events.EventEnvelope;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Role;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering, changing, reading, importing and exporting households. */
@Service
public class Registry {

    private static final String SUBJECT = "HOUSEHOLD";
    private static final Logger log = LoggerFactory.getLogger(Registry.class);
    private static final int EVENTS_PER_OUTBOX_ENTRY = 2_000;
    /** One district's register is a few thousand rows; a file far beyond that is a mistake or an attack. */
    static final int MAX_IMPORT_ROWS = 50_000;

    private final Households households;
    private final Places places;
    private final PersonalDataCipher cipher;
    private final PayoutAccountSeal payoutAccounts;
    private final AccountChanges accountChanges;
    private final SellerHouseholds sellerHouseholds;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registry(Households households, Places places, PersonalDataCipher cipher, PayoutAccountSeal payoutAccounts,
            AccountChanges accountChanges, SellerHouseholds sellerHouseholds, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.households = households;
        this.places = places;
        this.cipher = cipher;
        this.payoutAccounts = payoutAccounts;
        this.accountChanges = accountChanges;
        this.sellerHouseholds = sellerHouseholds;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the caller sees personal numbers in clear (and is audited for it). */
    static boolean seesUnmasked(Caller caller) {
        return caller.hasAnyRole(Role.OFFICIAL, Role.ADMIN);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public HouseholdView register(Caller caller, HouseholdForm form) {
        Map<UUID, VillageRef> villages = places.villages();
        ValidHousehold valid = validOrThrow(ValidHousehold.check(form, false, villages::containsKey));
        if (!households.takenRegistrationNumbers(List.of(valid.registrationNumber())).isEmpty()) {
            throw InvalidInput.of("registrationNumber", "is already registered");
        }
        Household household = Household.register(UUID.randomUUID(), valid, cipher, clock.instant());
        if (households.findByIdentityIndex(household.identityIndex()).isPresent()) {
            throw InvalidInput.of("identityNumber", "is already registered for another household");
        }
        household = insert(List.of(household)).getFirst();
        events.publishEvent(HouseholdEvent.registered(state(household, villages.get(household.villageId()),
                valid.accountNumber())));
        audit.record(caller, "REGISTER", SUBJECT, household.id(), "registered " + household.registrationNumber());
        return view(household, villages.get(household.villageId()), false, null);
    }

    /**
     * Changes a household. A new payout account (bank or number) is not applied: it waits for a second person
     * ({@link #approveAccountChange}), so that nobody alone can redirect a household's money.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public HouseholdView update(Caller caller, UUID id, HouseholdForm form, Long expectedVersion) {
        Household household = households.findById(id).orElseThrow(() -> new NotFound("No household " + id + "."));
        if (expectedVersion != null && expectedVersion != household.version()) {
            throw new Conflict("stale-version", "The household was changed meanwhile (version " + household.version()
                    + "); reload it and apply your change again.");
        }
        Map<UUID, VillageRef> villages = places.villages();
        ValidHousehold valid = validOrThrow(ValidHousehold.check(form, true, villages::containsKey));
        Instant now = clock.instant();
        String currentAccount = cipher.open(id, PersonalDataCipher.Field.ACCOUNT, household.accountCipher());
        String askedAccount = valid.accountNumber() != null ? valid.accountNumber() : currentAccount;
        AccountChange accountChange = null;
        if (!valid.bankName().equals(household.bankName()) || !askedAccount.equals(currentAccount)) {
            accountChange = accountChanges.request(id, valid.bankName(), cipher.seal(id, PersonalDataCipher.Field.REQUESTED_ACCOUNT, askedAccount),
                    ValidHousehold.maskAccount(askedAccount), caller.userId(), now);
            audit.record(caller, "REQUEST_ACCOUNT_CHANGE", SUBJECT, id, "new payout account " + accountChange.maskedAccount()
                    + " at " + accountChange.bankName() + ", waiting for a second person");
        }
        List<String> changed = household.change(valid, cipher, now);
        if (changed.contains("identityNumber")
                && households.findByIdentityIndex(household.identityIndex()).filter(h -> !h.id().equals(id)).isPresent()) {
            throw InvalidInput.of("identityNumber", "is already registered for another household");
        }
        Household next = save(household, "The household was changed meanwhile; reload it and try again.",
                "identityNumber", "is already registered for another household");
        events.publishEvent(HouseholdEvent.updated(state(next, villages.get(next.villageId()), currentAccount)));
        audit.record(caller, "UPDATE", SUBJECT, id, "changed " + String.join(", ", changed));
        return view(next, villages.get(next.villageId()), false,
                accountChange != null ? accountChange : accountChanges.pendingFor(id).orElse(null));
    }

    /** New payout accounts waiting for a second person, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public List<AccountChange> pendingAccountChanges() {
        return accountChanges.pending();
    }

    /** The second person approves a new payout account: from now on the household is paid there. */
    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public HouseholdView approveAccountChange(Caller caller, UUID changeId) {
        AccountChanges.Locked locked = pendingChange(caller, changeId);
        AccountChange change = locked.change();
        Household household = households.findById(change.householdId()).orElseThrow(() -> new NotFound("No household "
                + change.householdId() + "."));
        Instant now = clock.instant();
        String account = cipher.open(change.householdId(), PersonalDataCipher.Field.REQUESTED_ACCOUNT, locked.accountCipher());
        household.payTo(change.bankName(), cipher.seal(household.id(), PersonalDataCipher.Field.ACCOUNT, account),
                change.maskedAccount(), now);
        Household next = save(household, "The household was changed meanwhile; try again.", null, null);
        accountChanges.decide(changeId, "APPROVED", caller.userId(), now);
        VillageRef village = places.village(next.villageId()).orElseThrow();
        events.publishEvent(HouseholdEvent.updated(state(next, village, account)));
        audit.record(caller, "APPROVE_ACCOUNT_CHANGE", SUBJECT, next.id(), "payout account " + change.maskedAccount()
                + " at " + change.bankName() + " asked by " + change.requestedBy() + " now in force");
        return view(next, village, false, null);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public AccountChange rejectAccountChange(Caller caller, UUID changeId) {
        AccountChange change = pendingChange(caller, changeId).change();
        Instant now = clock.instant();
        accountChanges.decide(changeId, "REJECTED", caller.userId(), now);
        audit.record(caller, "REJECT_ACCOUNT_CHANGE", SUBJECT, change.householdId(), "payout account "
                + change.maskedAccount() + " asked by " + change.requestedBy() + " rejected");
        return new AccountChange(change.changeId(), change.householdId(), change.bankName(), change.maskedAccount(),
                "REJECTED", change.requestedBy(), change.requestedAt(), caller.userId(), now);
    }

    private AccountChanges.Locked pendingChange(Caller caller, UUID changeId) {
        AccountChanges.Locked locked = accountChanges.lock(changeId)
                .orElseThrow(() -> new NotFound("No payout-account change " + changeId + "."));
        if (!"PENDING".equals(locked.change().status())) {
            throw new Conflict("account-change-decided", "Payout-account change " + changeId + " is already "
                    + locked.change().status() + ".");
        }
        if (locked.change().requestedBy().equals(caller.userId())) {
            throw new Conflict("own-approval", "A new payout account needs a second person: "
                    + caller.userId() + " asked for this one.");
        }
        return locked;
    }

    /**
     * One household; in clear (and audited) for OFFICIAL and ADMIN, masked for CLERK and for a seller whose
     * products the household is linked to.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN','CLERK') or @owners.ofHousehold(#id)")
    public HouseholdView view(Caller caller, UUID id) {
        Household household = households.findById(id).orElseThrow(() -> new NotFound("No household " + id + "."));
        boolean clear = seesUnmasked(caller);
        if (clear) {
            audit.record(caller, "READ_UNMASKED", SUBJECT, id, "identity and account numbers shown");
        }
        return view(household, places.village(household.villageId()).orElseThrow(), !clear,
                clear ? accountChanges.pendingFor(id).orElse(null) : null);
    }

    /**
     * Households in a place (or all), always masked: lists are for finding, the detail is for reading. A seller
     * finds only the households linked to its own products.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN','CLERK','SELLER')")
    public Page<HouseholdView> list(Caller caller, UUID placeId, HouseholdCategory category, PageRequest page) {
        Map<UUID, VillageRef> villages = places.villages();
        Set<UUID> only = caller.hasAnyRole(Role.OFFICIAL, Role.ADMIN, Role.CLERK) ? null
                : caller.sellerId() == null ? Set.of() : sellerHouseholds.linkedTo(caller.sellerId());
        List<UUID> scope = null;
        if (placeId != null) {
            places.get(placeId);
            scope = villages.values().stream().filter(v -> Places.within(v, placeId)).map(VillageRef::villageId).toList();
        }
        List<HouseholdView> items = households.page(scope, only, category, page.offset(), page.size()).stream()
                .map(h -> view(h, villages.get(h.villageId()), true, null)).toList();
        return Page.of(items, page, households.count(scope, only, category));
    }

    @Transactional(readOnly = true)
    public Optional<HouseholdSummary> summary(UUID id) {
        return households.findById(id).map(h -> summary(h, places.village(h.villageId()).orElseThrow()));
    }

    /** Summaries of the given households that exist; unknown ids are simply absent. */
    @Transactional(readOnly = true)
    public Map<UUID, HouseholdSummary> summaries(Collection<UUID> ids) {
        Map<UUID, VillageRef> villages = places.villages();
        return households.findAllById(Set.copyOf(ids)).stream().map(h -> summary(h, villages.get(h.villageId())))
                .collect(Collectors.toMap(HouseholdSummary::householdId, Function.identity()));
    }

    /** Every household in a village, town or district (all when {@code placeId} is null). */
    @Transactional(readOnly = true)
    public List<HouseholdSummary> inPlace(UUID placeId) {
        Map<UUID, VillageRef> villages = places.villages();
        return scoped(placeId, villages).stream().map(h -> summary(h, villages.get(h.villageId()))).toList();
    }

    private List<Household> scoped(UUID placeId, Map<UUID, VillageRef> villages) {
        if (placeId == null) {
            return households.findAllByOrderByRegistrationNumber();
        }
        places.get(placeId);
        return households.findByVillageIdInOrderByRegistrationNumber(villages.values().stream().filter(v -> Places.within(v, placeId))
                .map(VillageRef::villageId).toList());
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
            ValidHousehold.Result result = ValidHousehold.check(form, false, id -> true);
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
                registering.add(Household.register(UUID.randomUUID(), valid, cipher, now));
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
        List<Household> imported = insert(registering);
        long inserted = System.nanoTime();
        List<EventEnvelope<HouseholdEvent.HouseholdRegistered>> registered = new ArrayList<>(imported.size());
        for (int i = 0; i < imported.size(); i++) {
            Household h = imported.get(i);
            registered.add(HouseholdEvent.registered(state(h, villages.get(h.villageId()), accounts.get(i))));
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
        List<Household> exported = scoped(placeId, villages);
        ByteArrayOutputStream out = new ByteArrayOutputStream(exported.size() * 200 + 200);
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(HouseholdCsv.line(HouseholdCsv.COLUMNS).getBytes(StandardCharsets.UTF_8));
        for (Household h : exported) {
            VillageRef v = villages.get(h.villageId());
            out.writeBytes(HouseholdCsv.line(List.of(h.registrationNumber(), h.headName(), cipher.open(h.id(), PersonalDataCipher.Field.IDENTITY, h.identityCipher()),
                    h.mobile(), Integer.toString(h.members()), h.category().name(), v.districtName(), v.townName(),
                    v.villageName(), h.incomeProjects().stream().map(Enum::name).sorted().collect(Collectors.joining(";")),
                    h.bankName(), cipher.open(h.id(), PersonalDataCipher.Field.ACCOUNT, h.accountCipher()), Long.toString(h.annualTargetFen()), h.status().name()))
                    .getBytes(StandardCharsets.UTF_8));
        }
        audit.record(caller, "EXPORT", SUBJECT, placeId, "exported " + exported.size() + " households unmasked");
        return out.toByteArray();
    }

    private List<Household> insert(List<Household> registering) {
        try {
            return households.saveAll(registering);
        } catch (DbActionExecutionException e) {
            if (e.getCause() instanceof DuplicateKeyException) {
                // Someone registered the same number between our check and our insert.
                throw InvalidInput.of("registrationNumber", "is already registered");
            }
            throw e;
        }
    }

    /**
     * Saves a changed household under its optimistic lock; a unique key another household took meanwhile is
     * {@code duplicateField}'s fault.
     */
    private Household save(Household household, String staleMessage, String duplicateField, String duplicateMessage) {
        try {
            return households.save(household);
        } catch (OptimisticLockingFailureException e) {
            throw new Conflict("stale-version", staleMessage);
        } catch (DbActionExecutionException e) {
            if (e.getCause() instanceof OptimisticLockingFailureException) {
                throw new Conflict("stale-version", staleMessage);
            }
            if (duplicateField != null && e.getCause() instanceof DuplicateKeyException) {
                throw InvalidInput.of(duplicateField, duplicateMessage);
            }
            throw e;
        }
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

    private static ValidHousehold validOrThrow(ValidHousehold.Result result) {
        if (!result.violations().isEmpty()) {
            throw new InvalidInput(result.violations());
        }
        return result.household();
    }

    private HouseholdView view(Household h, VillageRef v, boolean masked, AccountChange pending) {
        return new HouseholdView(h.id(), h.registrationNumber(), h.headName(),
                masked ? h.identityMasked() : cipher.open(h.id(), PersonalDataCipher.Field.IDENTITY, h.identityCipher()),
                masked ? ValidHousehold.maskMobile(h.mobile()) : h.mobile(), h.members(), h.category(), h.villageId(),
                v.villageName(), v.townName(), v.districtName(), h.incomeProjects(),
                new PayoutAccount(h.bankName(), masked ? h.accountMasked() : cipher.open(h.id(), PersonalDataCipher.Field.ACCOUNT, h.accountCipher())),
                h.annualTargetFen(), h.status(), h.registeredAt(), h.changedAt(), h.version(), masked, pending);
    }

    private static HouseholdSummary summary(Household h, VillageRef v) {
        return new HouseholdSummary(h.id(), h.registrationNumber(), h.headName(), h.category(), h.status(),
                h.annualTargetFen(), v);
    }

    private HouseholdState state(Household h, VillageRef v, String accountNumber) {
        return new HouseholdState(h.id(), h.registrationNumber(), h.headName(), h.category(), h.villageId(),
                v.villageName(), v.townName(), payoutAccounts.seal(h.id(), h.bankName(), accountNumber), h.status(),
                h.changedAt());
    }
}
