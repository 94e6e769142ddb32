package io.fupin.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The district's 2,611 households (2,355 registered poor, 256 marginal), generated deterministically: the
 * same names, identity numbers and villages on every machine and every run.
 */
final class Households {

    static final int REGISTERED_POOR = 2_355;
    static final int MARGINAL = 256;
    static final String XINGGONG = "兴功村";

    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙段雷钱汤尹常武乔贺赖龚耿";
    private static final String GIVEN = "志国建华明德福贵春英秀兰玉芳桂珍淑凤海军强平文杰永祥兴旺立新宝山桂香玉梅金成德胜长林";
    private static final String[] PROJECTS = {"GOOSE", "CHICKEN", "PIG", "HERBS", "GARLIC", "SHALLOT"};
    private static final String[] BANKS = {"双城农村信用合作联社", "中国邮政储蓄银行双城支行", "中国农业银行双城支行"};
    /** 双城区's administrative division code: the first six digits of its residents' identity numbers. */
    private static final String REGION = "230113";

    record Household(String registrationNumber, String headName, String identityNumber, String mobile, int members,
            String category, String district, String town, String village, String incomeProjects, String bankName,
            String accountNumber) {
    }

    private Households() {
    }

    static List<Household> of(District district) {
        Random random = new Random(20_191_128L);
        List<String[]> villages = new ArrayList<>();
        district.towns().forEach(t -> t.villages().forEach(v -> villages.add(new String[] {t.name(), v})));
        List<Household> households = new ArrayList<>();
        int total = REGISTERED_POOR + MARGINAL;
        // 256 marginal households spread over the district; the goose lot's 兴功村 households are all registered poor.
        java.util.Set<Integer> marginal = new java.util.HashSet<>();
        while (marginal.size() < MARGINAL) {
            marginal.add(24 + random.nextInt(total - 24));
        }
        for (int i = 0; i < total; i++) {
            // The first 24 live in 兴功村, so that the goose lot has its 18 households and more.
            String[] place = i < 24 ? new String[] {"联兴镇", XINGGONG} : villages.get(random.nextInt(villages.size()));
            String category = marginal.contains(i) ? "MARGINAL" : "REGISTERED_POOR";
            String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + given(random);
            String project = i < 24 ? "GOOSE" : PROJECTS[random.nextInt(PROJECTS.length)]
                    + (random.nextInt(4) == 0 ? ";" + PROJECTS[random.nextInt(PROJECTS.length)] : "");
            households.add(new Household("SC%04d".formatted(i + 1), name, identityNumber(random, i), mobile(random),
                    1 + random.nextInt(6), category, district.name(), place[0], place[1], project,
                    BANKS[random.nextInt(BANKS.length)], "6217%015d".formatted(Math.floorMod(random.nextLong(), 1_000_000_000_000_000L))));
        }
        return households;
    }

    private static String given(Random random) {
        String first = String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length())));
        return random.nextBoolean() ? first : first + GIVEN.charAt(random.nextInt(GIVEN.length()));
    }

    private static String mobile(Random random) {
        return "13" + "%09d".formatted(random.nextInt(1_000_000_000));
    }

    /** GB 11643: region, birth date, sequence, and the ISO 7064 MOD 11-2 check character. */
    static String identityNumber(Random random, int index) {
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 50));
        String body = REGION + birth.toString().replace("-", "") + "%03d".formatted(index % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    static String csv(List<Household> households) {
        StringBuilder csv = new StringBuilder("registrationNumber,headName,identityNumber,mobile,members,category,district,"
                + "town,village,incomeProjects,bankName,accountNumber\r\n");
        for (Household h : households) {
            csv.append(String.join(",", h.registrationNumber(), h.headName(), h.identityNumber(), h.mobile(),
                    Integer.toString(h.members()), h.category(), h.district(), h.town(), h.village(), h.incomeProjects(),
                    h.bankName(), h.accountNumber())).append("\r\n");
        }
        return csv.toString();
    }
}
