package io.fupin.web.official;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.web.PageTest;
import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Gateway;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

@PageTest
class HouseholdImportPagesTests {

    static final Authentication OFFICIAL = OfficialConsolePagesTests.OFFICIAL;
    static final String PATH = "/api/households/import?dryRun={dryRun}";
    static final byte[] CSV = "registrationNumber,headName\nHH-1,王大成\nHH-2,李四\nHH-3,张三\n"
            .getBytes(StandardCharsets.UTF_8);

    @Autowired
    MockMvc mvc;

    @Autowired
    Gateway gateway;

    static MockMultipartFile file(byte[] content) {
        return new MockMultipartFile("file", "兴功村.csv", "text/csv", content);
    }

    @Test
    void refusesOtherRolesWithForbidden() throws Exception {
        for (String role : List.of("SELLER", "CLERK", "CONSUMER", "ADMIN")) {
            mvc.perform(get("/official/households/import").with(authentication(OfficialConsolePagesTests.as(role))))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void aDryRunShowsEveryBadLineWithItsErrorsAndOffersNoImport() throws Exception {
        when(gateway.postFile(any(), eq(PATH), eq("file"), eq("兴功村.csv"), any(), eq(CSV),
                eq(OfficialDesk.ImportReport.class), eq(true))).thenReturn(new OfficialDesk.ImportReport(true, "UTF-8", 3,
                1, 0, List.of(new OfficialDesk.ImportError("identityNumber", "has an invalid check character", 2),
                new OfficialDesk.ImportError("mobile", "must be 11 digits", 2),
                new OfficialDesk.ImportError("village", "is not a village of 新兴镇", 4))));

        String html = mvc.perform(multipart("/official/households/import").file(file(CSV))
                        .with(authentication(OFFICIAL)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"import-lines\"", "data-line=\"2\"", "data-line=\"4\"", "身份证号",
                "has an invalid check character", "手机号", "must be 11 digits", "is not a village of 新兴镇")
                .contains("<dd id=\"import-valid\">1</dd>", "<dd id=\"import-bad\">2</dd>")
                .doesNotContain("/official/households/import/confirm", "data-line=\"3\"");
        assertThat(Pattern.compile("<th scope=\"row\" rowspan=\"2\">2</th>").matcher(html).find()).isTrue();
        verify(gateway, never()).postFile(any(), eq(PATH), any(), any(), any(), any(), any(), eq(false));
    }

    @Test
    void aCleanDryRunImportsTheSameBytesOnConfirmation() throws Exception {
        when(gateway.postFile(any(), eq(PATH), eq("file"), any(), any(), eq(CSV), eq(OfficialDesk.ImportReport.class),
                anyBoolean())).thenAnswer(call -> {
                    boolean dryRun = call.getArgument(7);
                    return new OfficialDesk.ImportReport(dryRun, "UTF-8", 3, 3, dryRun ? 0 : 3, List.of());
                });
        MockHttpSession session = new MockHttpSession();

        String html = mvc.perform(multipart("/official/households/import").file(file(CSV)).session(session)
                        .with(authentication(OFFICIAL)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"import-clean\"", "正式导入这 3 户");
        verify(gateway, never()).postFile(any(), eq(PATH), any(), any(), any(), any(), any(), eq(false));

        mvc.perform(post("/official/households/import/confirm").session(session).param("pending", pendingId(html))
                        .with(authentication(OFFICIAL)).with(csrf()))
                .andExpect(redirectedUrl("/official/households/import")).andExpect(flash().attribute("imported", 3));
        verify(gateway).postFile(any(), eq(PATH), eq("file"), eq("兴功村.csv"), eq(MediaType.parseMediaType("text/csv")),
                eq(CSV), eq(OfficialDesk.ImportReport.class), eq(false));
        assertThat(session.getAttribute(HouseholdImportController.PENDING)).isNull();
    }

    @Test
    void nothingIsImportedWithoutAFileThatPassedItsDryRun() throws Exception {
        mvc.perform(post("/official/households/import/confirm").param("pending", UUID.randomUUID().toString())
                        .with(authentication(OFFICIAL)).with(csrf()))
                .andExpect(redirectedUrl("/official/households/import"))
                .andExpect(flash().attribute("refused", "import-not-checked"));

        verify(gateway, never()).postFile(any(), any(), any(), any(), any(), any(), any(), any());
    }

    @Test
    void anImportRefusedAfterItsDryRunShowsTheLinesAndKeepsNothingPending() throws Exception {
        when(gateway.postFile(any(), eq(PATH), any(), any(), any(), eq(CSV), eq(OfficialDesk.ImportReport.class),
                eq(true))).thenReturn(new OfficialDesk.ImportReport(true, "GBK", 3, 3, 0, List.of()));
        when(gateway.postFile(any(), eq(PATH), any(), any(), any(), eq(CSV), eq(OfficialDesk.ImportReport.class),
                eq(false))).thenThrow(new ApiProblem(400, "invalid-request", "3 rows refused", List.of(
                new ApiProblem.FieldError("registrationNumber", "is already registered", 3))));
        MockHttpSession session = new MockHttpSession();
        String checked = mvc.perform(multipart("/official/households/import").file(file(CSV)).session(session)
                .with(authentication(OFFICIAL)).with(csrf())).andReturn().getResponse().getContentAsString();

        String html = mvc.perform(post("/official/households/import/confirm").session(session)
                        .param("pending", pendingId(checked)).with(authentication(OFFICIAL)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"import-refused\"", "data-line=\"3\"", "户编号", "is already registered")
                .doesNotContain("/official/households/import/confirm");
        assertThat(session.getAttribute(HouseholdImportController.PENDING)).isNull();
    }

    @Test
    void aFileWithoutItsColumnsIsReportedAsAWhole() throws Exception {
        when(gateway.postFile(any(), eq(PATH), any(), any(), any(), any(), eq(OfficialDesk.ImportReport.class),
                eq(true))).thenThrow(new ApiProblem(400, "invalid-request", "bad file", List.of(
                new ApiProblem.FieldError("file", "is neither UTF-8 nor GBK text"))));

        String html = mvc.perform(multipart("/official/households/import").file(file(new byte[] {(byte) 0xff}))
                        .with(authentication(OFFICIAL)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("整个文件", "is neither UTF-8 nor GBK text")
                .doesNotContain("/official/households/import/confirm");
    }

    private static String pendingId(String html) {
        Matcher m = Pattern.compile("name=\"pending\" value=\"([0-9a-f-]{36})\"").matcher(html);
        assertThat(m.find()).as("the import form of a checked file").isTrue();
        return m.group(1);
    }
}
