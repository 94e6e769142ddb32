package io.fupin.web.clerk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.web.PageTest;
import io.fupin.web.gateway.ApiPage;
import io.fupin.web.gateway.ApiProblem;
import io.fupin.web.gateway.Gateway;
import io.fupin.web.security.SignedIn;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@PageTest
class ClerkConsolePagesTests {

    static final UUID PERIOD = UUID.fromString("00000000-0000-0000-0000-00000000d001");
    static final UUID BATCH = UUID.fromString("00000000-0000-0000-0000-00000000e001");
    static final UUID WANG = UUID.fromString("00000000-0000-0000-0000-00000000f001");
    static final UUID LI = UUID.fromString("00000000-0000-0000-0000-00000000f002");
    static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-00000000c001");

    static Authentication as(String user, String role) {
        return UsernamePasswordAuthenticationToken.authenticated(
                new SignedIn(user, List.of(role), "token-" + user, Instant.now().plusSeconds(3600)), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    static final Authentication CLERK = as("clerk", "CLERK");

    @Autowired
    MockMvc mvc;

    @Autowired
    Gateway gateway;

    static ClerkDesk.Batch batch(String status) {
        return new ClerkDesk.Batch(BATCH, PERIOD, "FPB-20261130-1A2B3C4D", status, 10_001, 2, "clerk", Instant.now(),
                null, null, null, null, null, null, null, List.of(
                new ClerkDesk.Batch.Line(WANG, "230113-0001", "王*", "中国农业银行", "6228********0001", 4_000, "PENDING",
                        List.of(ORDER)),
                new ClerkDesk.Batch.Line(LI, "230113-0002", "李*", "中国农业银行", "6228********0002", 6_001, "PENDING",
                        List.of(ORDER))));
    }

    @BeforeEach
    void settlement() {
        when(gateway.get(any(), eq("/api/settlements/periods?page={page}&size={size}"),
                any(ParameterizedTypeReference.class), any(), any())).thenReturn(new ApiPage<>(List.of(
                new ClerkDesk.PeriodSummary(PERIOD, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15), "clerk",
                        Instant.now(), BATCH, "FPB-20261130-1A2B3C4D", "CLOSED", 10_001)), 0, 50, 1, 1));
        when(gateway.get(any(), eq("/api/settlements/batches/{id}"), eq(ClerkDesk.Batch.class), eq(BATCH)))
                .thenReturn(batch("CLOSED"));
        when(gateway.get(any(), eq("/api/settlements/periods/{id}/report"), eq(ClerkDesk.Report.class), eq(PERIOD)))
                .thenReturn(new ClerkDesk.Report(PERIOD, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15), 20_000,
                        0, 2_000, 10_001, 7_999, 0, true, 0,
                        new ClerkDesk.Report.Allocations(0, 0, 10_001, 0), 0, 0, 0, 10_001, 2,
                        List.of(new ClerkDesk.Report.Difference("SUSPENSE", "no linkage in force", 7_999,
                                List.of(ORDER), List.of())), 0L));
    }

    @Test
    void refusesOtherRolesWithForbidden() throws Exception {
        for (String role : List.of("SELLER", "CONSUMER", "OFFICIAL")) {
            mvc.perform(get("/clerk/periods").with(authentication(as("x", role)))).andExpect(status().isForbidden());
        }
    }

    @Test
    void suggestsTheDaysAfterTheLastPeriodClosed() throws Exception {
        String html = mvc.perform(get("/clerk/periods").with(authentication(CLERK))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("value=\"2026-11-16\"", "FPB-20261130-1A2B3C4D", "¥100.01", "待审核",
                "href=\"/clerk/batches/" + BATCH + "\"", "结算后台");
    }

    @Test
    void closingAPeriodLeadsToItsBatch() throws Exception {
        when(gateway.post(any(), eq("/api/settlements/periods"), eq(Map.of("firstDay", "2026-11-16", "lastDay",
                "2026-11-29")), anyMap(), eq(ClerkDesk.ClosedPeriod.class)))
                .thenReturn(new ClerkDesk.ClosedPeriod(PERIOD, batch("CLOSED")));

        mvc.perform(post("/clerk/periods").with(authentication(CLERK)).with(csrf()).param("firstDay", "2026-11-16")
                        .param("lastDay", "2026-11-29"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/clerk/batches/" + BATCH + "?closed"));
    }

    @Test
    void anOverlappingPeriodIsRefusedInThePagesLanguage() throws Exception {
        when(gateway.post(any(), eq("/api/settlements/periods"), any(), anyMap(), eq(ClerkDesk.ClosedPeriod.class)))
                .thenThrow(new ApiProblem(409, "period-overlaps", "overlaps 2026-11-01..2026-11-15", List.of()));

        String html = mvc.perform(post("/clerk/periods").with(authentication(CLERK)).with(csrf())
                        .param("firstDay", "2026-11-10").param("lastDay", "2026-11-29"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("这段日期与已结算的结算期重叠。", "value=\"2026-11-10\"");
    }

    @Test
    void theBatchShowsMaskedAccountsTheDifferencesWithTheirOrdersAndTheApproval() throws Exception {
        String html = mvc.perform(get("/clerk/batches/{id}", BATCH).with(authentication(CLERK)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("6228********0001", "6228********0002", "id=\"approve\"", "挂账", "¥79.99",
                ORDER.toString(), "收支平衡").doesNotContain("id=\"payout-file\"");
    }

    @Test
    void theClerkWhoClosedABatchIsToldAnotherMustApprove() throws Exception {
        when(gateway.post(any(), eq("/api/settlements/batches/{id}/approval"), any(), anyMap(),
                eq(ClerkDesk.Batch.class), eq(BATCH)))
                .thenThrow(new ApiProblem(409, "own-approval", "closed by you", List.of()));

        mvc.perform(post("/clerk/batches/{id}/approval", BATCH).with(authentication(CLERK)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("refused", "own-approval"));
    }

    @Test
    void anApprovedBatchOffersItsPayoutFileWithTheControlTotalOfItsLines() throws Exception {
        when(gateway.get(any(), eq("/api/settlements/batches/{id}"), eq(ClerkDesk.Batch.class), eq(BATCH)))
                .thenReturn(batch("APPROVED"));

        String html = mvc.perform(get("/clerk/batches/{id}", BATCH).with(authentication(CLERK)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"payout-file\"", "控制总数：2 行，共 ¥100.01", "name=\"returned\"",
                "id=\"mark-paid\"");
    }

    @Test
    void thePayoutFileIsTheApisBytesAsAnAttachment() throws Exception {
        byte[] csv = "household_id\r\nCONTROL,2,,,,100.01,FPB\r\n".getBytes(StandardCharsets.UTF_8);
        when(gateway.download(any(), eq("/api/settlements/batches/{id}/payout-file"), eq(BATCH))).thenReturn(csv);

        byte[] body = mvc.perform(get("/clerk/batches/{id}/payout-file", BATCH).with(authentication(CLERK)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"payout-FPB-20261130-1A2B3C4D.csv\""))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(body).isEqualTo(csv);
    }

    @Test
    void markingPaidSendsTheReturnedLinesHouseholds() throws Exception {
        mvc.perform(post("/clerk/batches/{id}/payment", BATCH).with(authentication(CLERK)).with(csrf())
                        .param("bankReference", " ABC-2026-1130 ").param("returned", LI.toString()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "paid"));

        verify(gateway).post(any(), eq("/api/settlements/batches/{id}/payment"),
                eq(Map.of("bankReference", "ABC-2026-1130", "failedHouseholdIds", Set.of(LI))), anyMap(),
                eq(ClerkDesk.Batch.class), eq(BATCH));
    }

    @Test
    void markingPaidWithoutTheBanksReferenceSendsNothing() throws Exception {
        mvc.perform(post("/clerk/batches/{id}/payment", BATCH).with(authentication(CLERK)).with(csrf())
                        .param("bankReference", " "))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("refused", "bankReference"));

        verify(gateway, never()).post(any(), eq("/api/settlements/batches/{id}/payment"), any(), anyMap(),
                eq(ClerkDesk.Batch.class), eq(BATCH));
    }

    @Test
    void aHouseholdsStatementShowsItsBalancesAndEntries() throws Exception {
        when(gateway.get(any(), eq("/api/settlements/households/{id}/statement"), eq(ClerkDesk.Statement.class),
                eq(LI))).thenReturn(new ClerkDesk.Statement(LI, 0, 6_001, 0, 0, List.of(
                new ClerkDesk.Statement.Entry(Instant.now(), "PAYOUT_RETURNED", "payable", null, null, BATCH, 6_001))));

        String html = mvc.perform(get("/clerk/households/{id}", LI).with(authentication(CLERK)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("¥60.01", "PAYOUT_RETURNED", "/clerk/households/" + LI + "/statement.csv");
    }

    @Test
    void markingPaidSendsTheReturnedLinesOfTheBanksFileByIdOrRegistrationNumber() throws Exception {
        MockMultipartFile file = new MockMultipartFile("returnedFile", "returned.csv", "text/csv",
                ("household_id,registration_number\r\n,230113-0002\r\n" + WANG + ",\r\nCONTROL,2,,,,100.01,FPB\r\n")
                        .getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/clerk/batches/{id}/payment", BATCH).file(file).param("bankReference", "ABC-1")
                        .with(authentication(CLERK)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "paid"));

        verify(gateway).post(any(), eq("/api/settlements/batches/{id}/payment"),
                eq(Map.of("bankReference", "ABC-1", "failedHouseholdIds", Set.of(LI, WANG))), anyMap(),
                eq(ClerkDesk.Batch.class), eq(BATCH));
    }

    @Test
    void aReturnedLineThatIsNotInTheBatchRefusesTheFormWithItsLineNumberAndSendsNothing() throws Exception {
        MockMultipartFile file = new MockMultipartFile("returnedFile", "returned.csv", "text/csv",
                "230113-0002\n230113-9999\n".getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/clerk/batches/{id}/payment", BATCH).file(file).param("bankReference", "ABC-1")
                        .param("returned", WANG.toString()).with(authentication(CLERK)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("refused", "returnedFile"))
                .andExpect(flash().attribute("refusedLines", List.of("#2 230113-9999")));

        verify(gateway, never()).post(any(), eq("/api/settlements/batches/{id}/payment"), any(), anyMap(),
                eq(ClerkDesk.Batch.class), eq(BATCH));
    }

    @Test
    void findsAStatementByHouseholdIdStraightAway() throws Exception {
        mvc.perform(get("/clerk/households").param("household", LI.toString()).with(authentication(CLERK)))
                .andExpect(redirectedUrl("/clerk/households/" + LI));
    }

    @Test
    void theSearchFormOffersEveryVillageByTown() throws Exception {
        UUID town = UUID.randomUUID();
        when(gateway.get(any(), eq("/api/households/places?size=1000"), any(ParameterizedTypeReference.class)))
                .thenReturn(new ApiPage<>(List.of(new ClerkDesk.Place(town, "TOWN", "兰棱镇", null),
                        new ClerkDesk.Place(UUID.randomUUID(), "VILLAGE", "兴功村", town)), 0, 1000, 2, 1));

        String html = mvc.perform(get("/clerk/households").with(authentication(CLERK))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"village\"", "兰棱镇 · 兴功村").doesNotContain("id=\"households\"");
    }

    @Test
    void findsHouseholdsOfAVillageByRegistrationNumberOrSurname() throws Exception {
        UUID town = UUID.randomUUID();
        UUID village = UUID.randomUUID();
        when(gateway.get(any(), eq("/api/households/places?size=1000"), any(ParameterizedTypeReference.class)))
                .thenReturn(new ApiPage<>(List.of(new ClerkDesk.Place(town, "TOWN", "兰棱镇", null),
                        new ClerkDesk.Place(village, "VILLAGE", "兴功村", town)), 0, 1000, 2, 1));
        when(gateway.get(any(), eq("/api/households?placeId={place}&page={page}&size=1000"),
                any(ParameterizedTypeReference.class), eq(village), eq(0))).thenReturn(new ApiPage<>(List.of(
                new ClerkDesk.Household(WANG, "230113-0001", "王*", "POOR", village, "兴功村", "兰棱镇"),
                new ClerkDesk.Household(LI, "230113-0002", "李*", "POOR", village, "兴功村", "兰棱镇")), 0, 1000, 2, 1));

        String all = mvc.perform(get("/clerk/households").param("village", village.toString())
                .with(authentication(CLERK))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String bySurname = mvc.perform(get("/clerk/households").param("village", village.toString())
                .param("household", "李").with(authentication(CLERK))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String byNumber = mvc.perform(get("/clerk/households").param("village", village.toString())
                .param("household", "0001").with(authentication(CLERK))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(all).contains("兰棱镇 · 兴功村", "/clerk/households/" + WANG, "/clerk/households/" + LI,
                "/clerk/households/" + LI + "/statement.csv");
        assertThat(bySurname).contains("/clerk/households/" + LI).doesNotContain("/clerk/households/" + WANG);
        assertThat(byNumber).contains("/clerk/households/" + WANG).doesNotContain("/clerk/households/" + LI);
    }

    @Test
    void thePeriodsPageShowsTheLatestPeriodsReportWithEachDifferenceAndTheOrdersBehindIt() throws Exception {
        String html = mvc.perform(get("/clerk/periods").with(authentication(CLERK))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"report\"", "收支平衡", "data-kind=\"SUSPENSE\"", "¥79.99", ORDER.toString(),
                "href=\"/clerk/suspense\"", "id=\"report-of-" + PERIOD + "\"", "aria-current=\"true\"",
                "href=\"/clerk/periods?page=0&amp;report=" + PERIOD + "#report\"");
    }

    @Test
    void theReportOfAPeriodThatDoesNotAnswerSaysSoAndThePeriodsStillShow() throws Exception {
        UUID other = UUID.randomUUID();
        when(gateway.get(any(), eq("/api/settlements/periods/{id}/report"), eq(ClerkDesk.Report.class), eq(other)))
                .thenThrow(new io.fupin.web.gateway.ServiceDown("settlements", "down", null));

        String html = mvc.perform(get("/clerk/periods").param("report", other.toString()).with(authentication(CLERK)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("FPB-20261130-1A2B3C4D", "id=\"report\"").doesNotContain("data-kind=\"SUSPENSE\"");
    }

    static final UUID PRODUCT = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    static final UUID LINKAGE = UUID.fromString("00000000-0000-0000-0000-00000000b001");
    static final UUID WRITE_OFF = UUID.fromString("00000000-0000-0000-0000-00000000b002");

    @Test
    void theSuspensePageOffersAFollowUpAnAllocationToADeclaredVersionAndAWriteOffOfWhatIsOwed() throws Exception {
        when(gateway.get(any(), eq("/api/settlements/suspense?page={page}&size=100"), any(ParameterizedTypeReference.class),
                any())).thenReturn(new ApiPage<>(List.of(new ClerkDesk.SuspenseLine(ORDER, 0, PRODUCT, UUID.randomUUID(),
                Instant.now(), 7_999)), 0, 100, 1, 1));
        when(gateway.get(any(), eq("/api/households/products/{id}/linkage/versions?size=200"),
                any(ParameterizedTypeReference.class), eq(PRODUCT))).thenReturn(new ApiPage<>(List.of(
                new ClerkDesk.LinkageVersion(LINKAGE, 1, "鹅 700 只", Instant.now(), 18)), 0, 200, 1, 1));
        when(gateway.get(any(), eq("/api/settlements/owed?size=200"), any(ParameterizedTypeReference.class)))
                .thenReturn(new ApiPage<>(List.of(new ClerkDesk.Owed(WANG, "230113-0001", 4_000, 1_000, null),
                        new ClerkDesk.Owed(LI, "230113-0002", 700, 0, new ClerkDesk.WriteOff(WRITE_OFF, LI, 700, "外迁",
                                "PROPOSED", "clerk2", Instant.now(), null, null))), 0, 200, 2, 1));

        String html = mvc.perform(get("/clerk/suspense").with(authentication(CLERK))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"suspense-" + ORDER + "-0\"", "id=\"note-" + ORDER + "-0\"",
                "value=\"" + LINKAGE + ":1\"", "第 1 版 · 鹅 700 只", "id=\"owed-" + WANG + "\"", "¥40.00",
                "id=\"propose-write-off-" + WANG + "\"", "id=\"approve-write-off-" + LI + "\"", "clerk2 申请：外迁")
                .doesNotContain("id=\"propose-write-off-" + LI + "\"");
    }

    @Test
    void aFollowUpSendsTheNoteAndABlankOneSendsNothing() throws Exception {
        mvc.perform(post("/clerk/suspense/{o}/0/follow-up", ORDER).with(authentication(CLERK)).with(csrf())
                        .param("note", " 请合作社申报 "))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "followedUp"));
        mvc.perform(post("/clerk/suspense/{o}/0/follow-up", ORDER).with(authentication(CLERK)).with(csrf())
                        .param("note", "  "))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("refused", "note"));

        verify(gateway).post(any(), eq("/api/settlements/suspense/{order}/lines/{line}/follow-ups"),
                eq(Map.of("note", "请合作社申报")), anyMap(), eq(ClerkDesk.FollowUp.class), eq(ORDER), eq(0));
    }

    @Test
    void anAllocationSendsTheVersionChosen() throws Exception {
        mvc.perform(post("/clerk/suspense/{o}/0/allocation", ORDER).with(authentication(CLERK)).with(csrf())
                        .param("version", LINKAGE + ":3"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "allocated"));
        mvc.perform(post("/clerk/suspense/{o}/0/allocation", ORDER).with(authentication(CLERK)).with(csrf())
                        .param("version", "nothing"))
                .andExpect(flash().attribute("refused", "version"));

        verify(gateway).post(any(), eq("/api/settlements/suspense/{order}/lines/{line}/allocation"),
                eq(Map.of("linkageId", LINKAGE.toString(), "version", 3)), anyMap(), eq(ClerkDesk.Allocated.class),
                eq(ORDER), eq(0));
    }

    @Test
    void aWriteOffTypedInYuanIsProposedInFenAndItsMakerIsToldAnotherMustApprove() throws Exception {
        mvc.perform(post("/clerk/owed/{h}/write-off", WANG).with(authentication(CLERK)).with(csrf())
                        .param("amount", "¥12.5").param("note", "户已外迁"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "writeOffProposed"));
        mvc.perform(post("/clerk/owed/{h}/write-off", WANG).with(authentication(CLERK)).with(csrf())
                        .param("amount", "12.345").param("note", "户已外迁"))
                .andExpect(flash().attribute("refused", "amount"));
        verify(gateway).post(any(), eq("/api/settlements/owed/{id}/write-offs"),
                eq(Map.of("amountFen", 1_250L, "note", "户已外迁")), anyMap(), eq(ClerkDesk.WriteOff.class), eq(WANG));

        when(gateway.post(any(), eq("/api/settlements/write-offs/{id}/approval"), any(), anyMap(),
                eq(ClerkDesk.WriteOff.class), eq(WRITE_OFF)))
                .thenThrow(new ApiProblem(409, "own-approval", "proposed by you", List.of()));
        mvc.perform(post("/clerk/write-offs/{id}/approval", WRITE_OFF).with(authentication(CLERK)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("refused", "own-approval"));
    }
}
