package io.fupin.web.admin;

import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Gateway;
import io.fupin.web.security.CurrentUser;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Users and roles, as far as the identity provider lets the platform see them: the gateway's development issuer
 * lists its configured users (roles, the seller a seller acts for); an OIDC provider keeps its users to itself,
 * and the page says to manage them there. Nothing here changes a user or a role.
 */
@Controller
class UsersController {

    record User(String username, List<String> roles, UUID sellerId) {
    }

    record Audience(String prefix, int size) {
    }

    record Users(List<User> items, Audience audience) {
    }

    record Seller(UUID id, String name) {
    }

    private final Gateway gateway;
    private final CurrentUser user;

    UsersController(Gateway gateway, CurrentUser user) {
        this.gateway = gateway;
        this.user = user;
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        Users users;
        try {
            users = gateway.get(user.requireToken(), "/api/auth/users", Users.class);
        } catch (ApiProblem notListed) {
            // 404: no development issuer; the OIDC provider holds the users.
            model.addAttribute("elsewhere", true);
            return "admin/users";
        }
        model.addAttribute("users", users.items());
        model.addAttribute("audience", users.audience() != null && users.audience().size() > 0 ? users.audience() : null);
        model.addAttribute("sellers", sellerNames(users.items()));
        return "admin/users";
    }

    /** The name of each seller a user acts for; a seller not registered (yet) is left out. */
    private Map<UUID, String> sellerNames(List<User> users) {
        return users.stream().map(User::sellerId).filter(Objects::nonNull).distinct().map(id -> {
            try {
                return gateway.get(user.requireToken(), "/api/catalog/sellers/{id}", Seller.class, id);
            } catch (ApiProblem unknown) {
                return null;
            }
        }).filter(Objects::nonNull).collect(Collectors.toMap(Seller::id, Seller::name, (a, b) -> a));
    }
}
