package io.fupin.household.audit;

import io.fupin.household.audit.AuditLog.AuditEntry;
import io.fupin.support.paging.Page;
import io.fupin.support.paging.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/households/audit")
@Tag(name = "Audit", description = "Unmasked reads and changes of personal data")
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    @Operation(summary = "Audit entries, newest first, optionally for one subject, actor or action (ADMIN)")
    Page<AuditEntry> search(@RequestParam(required = false) String subjectId,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return log.search(subjectId, actor, action, PageRequest.of(page, size, 1000));
    }
}
