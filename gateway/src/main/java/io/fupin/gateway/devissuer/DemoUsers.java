package io.fupin.gateway.devissuer;

import io.fupin.support.identity.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The configured demo users, checked once at startup so that a typo in a role fails fast. */
class DemoUsers {

    /** A demo user who proved its password. */
    record Account(String username, List<Role> roles, UUID sellerId) {
    }

    private record Entry(Account account, byte[] password) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final DevIssuerProperties.Audience audience;
    private final byte[] defaultPassword;

    DemoUsers(DevIssuerProperties properties) {
        this.audience = properties.audience();
        this.defaultPassword = properties.defaultPassword().getBytes(StandardCharsets.UTF_8);
        properties.users().forEach((username, user) -> {
            List<Role> roles = user.roles().stream()
                    .map(name -> Role.named(name).filter(Role.PERSONAL::contains).orElseThrow(() -> new IllegalArgumentException(
                            "Demo user " + username + " has the unknown role " + name)))
                    .toList();
            UUID sellerId = user.sellerId() == null || user.sellerId().isBlank() ? null : UUID.fromString(user.sellerId().trim());
            String password = user.password() == null || user.password().isBlank() ? properties.defaultPassword() : user.password();
            entries.put(username, new Entry(new Account(username, roles, sellerId), password.getBytes(StandardCharsets.UTF_8)));
        });
    }

    /** Every configured user, by username, without passwords: what the administrator's console lists. */
    List<Account> accounts() {
        return entries.values().stream().map(Entry::account)
                .sorted(java.util.Comparator.comparing(Account::username)).toList();
    }

    /** The numbered crowd of consumers, if configured. */
    DevIssuerProperties.Audience audience() {
        return audience;
    }

    /** The account, when the username exists and the password matches; the same answer otherwise. */
    Optional<Account> authenticate(String username, String password) {
        // The configured users are fixed after startup; the audience is computed, never stored, so this stays thread-safe.
        Entry entry = entries.containsKey(username) ? entries.get(username) : audienceMember(username);
        byte[] given = password.getBytes(StandardCharsets.UTF_8);
        // Compare in constant time, and against something even for unknown users, so timing tells nothing.
        boolean matches = MessageDigest.isEqual(entry == null ? new byte[given.length + 1] : entry.password(), given);
        return entry != null && matches ? Optional.of(entry.account()) : Optional.empty();
    }

    /** {@code buyer-42} when the audience is {@code buyer-} of at least 42; null for anyone else. */
    private Entry audienceMember(String username) {
        String prefix = audience.prefix();
        if (prefix == null || prefix.isEmpty() || !username.startsWith(prefix)) {
            return null;
        }
        String number = username.substring(prefix.length());
        if (!number.matches("[1-9][0-9]{0,6}") || Integer.parseInt(number) > audience.size()) {
            return null;
        }
        return new Entry(new Account(username, List.of(Role.CONSUMER), null), defaultPassword);
    }
}
