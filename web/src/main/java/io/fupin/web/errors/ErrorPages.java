package io.fupin.web.errors;

import io.fupin.web.gateway.ServiceDown;
import io.fupin.web.gateway.SignInNeeded;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

@ControllerAdvice
class ErrorPages {

    /** A page whose main service is down says so (503); the header, cart and other pages keep working. */
    @ExceptionHandler(ServiceDown.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String serviceDown(ServiceDown down, Model model) {
        model.addAttribute("service", down.service());
        return "service-down";
    }

    /** An upload larger than any API takes: refused here, before anything is sent. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
    String tooLarge(Model model) {
        model.addAttribute("status", 413);
        return "error";
    }

    /** The token expired or was refused: sign out here too, then sign in again. */
    @ExceptionHandler(SignInNeeded.class)
    String signInAgain(HttpServletRequest request, HttpServletResponse response) {
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return "redirect:/login?expired";
    }
}
