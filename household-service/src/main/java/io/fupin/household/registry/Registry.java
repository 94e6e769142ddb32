package io.fupin.household.registry;

import io.fupin.household.audit.AuditLog;
import io.fupin.household.common.InvalidInput;
import io.fupin.household.places.Places;
import io.fupin.household.places.VillageRef;
import io.fupin.household.registry.HouseholdEvent.HouseholdState;
import io.fupin.household.registry.HouseholdEvent.PayoutAccount;
import io.fupin.support.identity.Caller;
import io.fupin.support.identity.Role;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering, changing and reading households; {@link HouseholdImport} imports and exports them. */
@Service
public class Registry {

    private static final String SUBJECT = "HOUSEHOLD";

    private final Households households;
    private final Places places;
    private final PersonalDataCipher cipher;
    private final PayoutAccountSeal payoutAccounts;
    private final AccountChanges accountChanges;
    private final SellerHouseholds sellerHouseholds;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Validator validator;

    Registry(Households households, Places places, PersonalDataCipher cipher, PayoutAccountSeal payoutAccounts,
            AccountChanges accountChanges, SellerHouseholds sellerHouseholds, AuditLog audit,
            ApplicationEventPublisher events, Clock clock, Validator validator) {
        this.households = households;
        this.validator = validator;
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
        ValidHousehold valid = validOrThrow(ValidHousehold.check(validator, form, false, villages::containsKey));
        if (!households.takenRegistrationNumbers(List.of(valid.registrationNumber())).isEmpty()) {
            throw InvalidInput.of("registrationNumber", "is already registered");
        }
        Household household = Household.register(HouseholdId.next(), valid, cipher, clock.instant());
        if (households.findByIdentityIndex(household.identityIndex()).isPresent()) {
            throw InvalidInput.of("identityNumber", "is already registered for another household");
        }
        household = insert(List.of(household)).getFirst();
        events.publishEvent(HouseholdEvent.registered(state(household, villages.get(household.villageId()),
                valid.accountNumber())));
        audit.record(caller, "REGISTER", SUBJECT, household.id().value(), "registered " + household.registrationNumber());
        return view(household, villages.get(household.villageId()), false, null);
    }

    /**
     * Changes a household. A new payout account (bank or number) is not applied: it waits for a second person
     * ({@link #approveAccountChange}), so that nobody alone can redirect a household's money.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public HouseholdView update(Caller caller, HouseholdId id, HouseholdForm form, Long expectedVersion) {
        Household household = households.findById(id).orElseThrow(() -> new HouseholdNotFound(id));
        if (expectedVersion != null && expectedVersion != household.version()) {
            throw new StaleVersion("The household was changed meanwhile (version " + household.version()
                    + "); reload it and apply your change again.");
        }
        Map<UUID, VillageRef> villages = places.villages();
        ValidHousehold valid = validOrThrow(ValidHousehold.check(validator, form, true, villages::containsKey));
        Instant now = clock.instant();
        String currentAccount = cipher.open(id.value(), PersonalDataCipher.Field.ACCOUNT, household.accountCipher());
        String askedAccount = valid.accountNumber() != null ? valid.accountNumber() : currentAccount;
        AccountChange accountChange = null;
        if (!valid.bankName().equals(household.bankName()) || !askedAccount.equals(currentAccount)) {
            accountChange = accountChanges.request(id, valid.bankName(), cipher.seal(id.value(), PersonalDataCipher.Field.REQUESTED_ACCOUNT, askedAccount),
                    ValidHousehold.maskAccount(askedAccount), caller.userId(), now);
            audit.record(caller, "REQUEST_ACCOUNT_CHANGE", SUBJECT, id.value(), "new payout account " + accountChange.maskedAccount()
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
        audit.record(caller, "UPDATE", SUBJECT, id.value(), "changed " + String.join(", ", changed));
        return view(next, villages.get(next.villageId()), false,
                accountChange != null ? accountChange : accountChanges.pendingFor(id).orElse(null));
    }

    /** A page of the new payout accounts waiting for a second person, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public Page<AccountChange> pendingAccountChanges(PageRequest page) {
        return accountChanges.pending(page);
    }

    /** The second person approves a new payout account: from now on the household is paid there. */
    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public HouseholdView approveAccountChange(Caller caller, UUID changeId) {
        AccountChanges.Locked locked = pendingChange(caller, changeId);
        AccountChange change = locked.change();
        Household household = households.findById(change.householdId()).orElseThrow(() -> new HouseholdNotFound(
                change.householdId()));
        Instant now = clock.instant();
        String account = cipher.open(change.householdId().value(), PersonalDataCipher.Field.REQUESTED_ACCOUNT, locked.accountCipher());
        household.payTo(change.bankName(), cipher.seal(household.id().value(), PersonalDataCipher.Field.ACCOUNT, account),
                change.maskedAccount(), now);
        Household next = save(household, "The household was changed meanwhile; try again.", null, null);
        accountChanges.decide(changeId, "APPROVED", caller.userId(), now);
        VillageRef village = places.village(next.villageId()).orElseThrow();
        events.publishEvent(HouseholdEvent.updated(state(next, village, account)));
        audit.record(caller, "APPROVE_ACCOUNT_CHANGE", SUBJECT, next.id().value(), "payout account " + change.maskedAccount()
                + " at " + change.bankName() + " asked by " + change.requestedBy() + " now in force");
        return view(next, village, false, null);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN')")
    public AccountChange rejectAccountChange(Caller caller, UUID changeId) {
        AccountChange change = pendingChange(caller, changeId).change();
        Instant now = clock.instant();
        accountChanges.decide(changeId, "REJECTED", caller.userId(), now);
        audit.record(caller, "REJECT_ACCOUNT_CHANGE", SUBJECT, change.householdId().value(), "payout account "
                + change.maskedAccount() + " asked by " + change.requestedBy() + " rejected");
        return new AccountChange(change.changeId(), change.householdId(), change.bankName(), change.maskedAccount(),
                "REJECTED", change.requestedBy(), change.requestedAt(), caller.userId(), now);
    }

    private AccountChanges.Locked pendingChange(Caller caller, UUID changeId) {
        AccountChanges.Locked locked = accountChanges.lock(changeId)
                .orElseThrow(() -> new AccountChangeNotFound(changeId));
        if (!"PENDING".equals(locked.change().status())) {
            throw new AccountChangeDecided(changeId, locked.change().status());
        }
        if (locked.change().requestedBy().equals(caller.userId())) {
            throw new OwnApproval(caller.userId());
        }
        return locked;
    }

    /**
     * One household; in clear (and audited) for OFFICIAL and ADMIN, masked for CLERK and for a seller whose
     * products the household is linked to.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('OFFICIAL','ADMIN','CLERK') or @owners.ofHousehold(#id)")
    public HouseholdView view(Caller caller, HouseholdId id) {
        Household household = households.findById(id).orElseThrow(() -> new HouseholdNotFound(id));
        boolean clear = seesUnmasked(caller);
        if (clear) {
            audit.record(caller, "READ_UNMASKED", SUBJECT, id.value(), "identity and account numbers shown");
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
    public Optional<HouseholdSummary> summary(HouseholdId id) {
        return households.findById(id).map(h -> summary(h, places.village(h.villageId()).orElseThrow()));
    }

    /** Summaries of the given households that exist; unknown ids are simply absent. */
    @Transactional(readOnly = true)
    public Map<UUID, HouseholdSummary> summaries(Collection<UUID> ids) {
        Map<UUID, VillageRef> villages = places.villages();
        return households.findAllById(ids.stream().map(HouseholdId::new).collect(Collectors.toSet())).stream().map(h -> summary(h, villages.get(h.villageId())))
                .collect(Collectors.toMap(HouseholdSummary::householdId, Function.identity()));
    }

    /** Every household in a village, town or district (all when {@code placeId} is null). */
    @Transactional(readOnly = true)
    public List<HouseholdSummary> inPlace(UUID placeId) {
        Map<UUID, VillageRef> villages = places.villages();
        return scoped(placeId, villages).stream().map(h -> summary(h, villages.get(h.villageId()))).toList();
    }

    /** The households of a village, town or district (all when {@code placeId} is null), in registration order. */
    List<Household> scoped(UUID placeId, Map<UUID, VillageRef> villages) {
        if (placeId == null) {
            return households.findAllByOrderByRegistrationNumber();
        }
        places.get(placeId);
        return households.findByVillageIdInOrderByRegistrationNumber(villages.values().stream().filter(v -> Places.within(v, placeId))
                .map(VillageRef::villageId).toList());
    }

    /** Inserts new households; a registration number someone took meanwhile is a 400. */
    List<Household> insert(List<Household> registering) {
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
            throw new StaleVersion(staleMessage);
        } catch (DbActionExecutionException e) {
            if (e.getCause() instanceof OptimisticLockingFailureException) {
                throw new StaleVersion(staleMessage);
            }
            if (duplicateField != null && e.getCause() instanceof DuplicateKeyException) {
                throw InvalidInput.of(duplicateField, duplicateMessage);
            }
            throw e;
        }
    }

    private static ValidHousehold validOrThrow(ValidHousehold.Result result) {
        if (!result.violations().isEmpty()) {
            throw new InvalidInput(result.violations());
        }
        return result.household();
    }

    private HouseholdView view(Household h, VillageRef v, boolean masked, AccountChange pending) {
        return new HouseholdView(h.id().value(), h.registrationNumber(), h.headName(),
                masked ? h.identityMasked() : cipher.open(h.id().value(), PersonalDataCipher.Field.IDENTITY, h.identityCipher()),
                masked ? ValidHousehold.maskMobile(h.mobile()) : h.mobile(), h.members(), h.category(), h.villageId(),
                v.villageName(), v.townName(), v.districtName(), h.incomeProjects(),
                new PayoutAccount(h.bankName(), masked ? h.accountMasked() : cipher.open(h.id().value(), PersonalDataCipher.Field.ACCOUNT, h.accountCipher())),
                h.annualTargetFen(), h.status(), h.registeredAt(), h.changedAt(), h.version(), masked, pending);
    }

    private static HouseholdSummary summary(Household h, VillageRef v) {
        return new HouseholdSummary(h.id().value(), h.registrationNumber(), h.headName(), h.category(), h.status(),
                h.annualTargetFen(), v);
    }

    HouseholdState state(Household h, VillageRef v, String accountNumber) {
        return new HouseholdState(h.id().value(), h.registrationNumber(), h.headName(), h.category(), h.villageId(),
                v.villageName(), v.townName(), payoutAccounts.seal(h.id().value(), h.bankName(), accountNumber), h.status(),
                h.changedAt());
    }
}
