package io.fupin.web.security;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.stream.StreamSupport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    private final ObjectProvider<ClientRegistrationRepository> oidc;

    LoginController(ObjectProvider<ClientRegistrationRepository> oidc) {
        this.oidc = oidc;
    }

    /** The form (local issuer) and, when configured, one button per OIDC provider. */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, Model model, HttpSession session) {
        model.addAttribute("loginFailed", error != null);
        model.addAttribute("loginUnavailable",
                session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationServiceException);
        List<ClientRegistration> providers = oidc.getIfAvailable() instanceof InMemoryClientRegistrationRepository repo
                ? StreamSupport.stream(repo.spliterator(), false).toList()
                : List.of();
        model.addAttribute("providers", providers);
        return "login";
    }
}
