package io.fupin.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** About thirty sellers of the district's e-commerce association and the products they list. */
final class Catalogue {

    record Seller(String name, String kind, String creditCode, String town, String village, String contact) {
        UUID id() {
            return UUID.nameUUIDFromBytes(("seller:" + creditCode).getBytes(StandardCharsets.UTF_8));
        }
    }

    record Product(String key, Seller seller, String name, String category, String brand, String unit, long priceFen,
            long costFen, String costReason, int stock, String village, boolean presale, String description) {
    }

    private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    final List<Seller> sellers = new ArrayList<>();
    final List<Product> products = new ArrayList<>();

    /** The seller the demo user {@code seller} acts for. */
    final Seller gangziyu;
    /** The livestream's peanuts and the goose lot raised by one farmer for 18 households of 兴功村. */
    final Product peanuts;
    final Product geese;

    Catalogue(District district) {
        gangziyu = seller("岗子峪米业有限公司", "ENTERPRISE", "91230113MA1B2G3X4H", "周家镇", "周家村", "赵经理");
        Seller cuicui = seller("翠翠食品有限公司", "ENTERPRISE", code("91230113MA1C00001"), "农丰镇", "农丰村", "翠经理");
        Seller longjiangfu = seller("龙江福米业有限公司", "ENTERPRISE", code("91230113MA1C00002"), "东官镇", "东官村", "刘经理");
        Seller duilu = seller("对鹿饮品有限公司", "ENTERPRISE", code("91230113MA1C00003"), "杏山镇", "杏山村", "鹿经理");
        Seller qixin = seller("哈尔滨奇鑫米业有限公司", "ENTERPRISE", code("91230113MA1C00004"), "西官镇", "西官村", "奇经理");
        Seller jingye = seller("哈尔滨兢业蔬菜种植合作社", "COOPERATIVE", code("93230113MA1C00005"), "单城镇", "单城村", "兢社长");
        Seller xifengshou = seller("黑龙江省喜丰收调味品有限公司", "ENTERPRISE", code("91230113MA1C00006"), "韩甸镇", "韩甸村", "喜经理");
        Seller xinggong = seller("兴功村大鹅养殖专业合作社", "COOPERATIVE", code("93230113MA1C00007"), "联兴镇", "兴功村", "耿志杰");
        String[] kinds = {"种植专业合作社", "养殖专业合作社", "股份经济合作社"};
        int n = 8;
        for (District.Town town : district.towns()) {
            for (String village : town.villages().subList(1, Math.min(3, town.villages().size()))) {
                if (sellers.size() >= 30) {
                    break;
                }
                String kind = kinds[n % 3];
                seller(village + kind, kind.startsWith("股份") ? "VILLAGE_COLLECTIVE" : "COOPERATIVE",
                        code("93230113MA1C%05d".formatted(n)), town.name(), village, village.charAt(0) + "社长");
                n++;
            }
        }

        product("daohuaxiang-5kg", gangziyu, "稻花香大米", "RICE", "永发鳅田", "5 kg 袋", 6990, 800, "包装与物流", 800, false);
        product("changlixiang-5kg", gangziyu, "长粒香大米", "RICE", "溪树田", "5 kg 袋", 5990, 800, "包装与物流", 800, false);
        product("xiaomi", gangziyu, "小米", "MILLET", "岗子峪", "2.5 kg 袋", 3990, 500, "包装与物流", 600, false);
        product("xiaomi-chazi", gangziyu, "小米查子", "MILLET", "岗子峪", "2 kg 袋", 2990, 400, "包装与物流", 300, false);
        peanuts = product("cuixiaomei-peanuts", cuicui, "翠小妹花生", "PEANUTS", "翠小妹", "500 g 袋", 1990, 300, "包装与物流", 2000, false);
        product("cuixiaomei-peanuts-gift", cuicui, "翠小妹花生礼盒", "PEANUTS", "翠小妹", "2 kg 礼盒", 6800, 1200, "礼盒与物流", 400, false);
        product("longjiangfu-daohuaxiang", longjiangfu, "稻花香大米", "RICE", "龙江福", "10 kg 袋", 12800, 1500, "包装与物流", 500, false);
        product("longjiangfu-changlixiang", longjiangfu, "长粒香大米", "RICE", "龙江福", "10 kg 袋", 10800, 1500, "包装与物流", 500, false);
        product("duilu-corn-juice", duilu, "鲜榨玉米汁", "OTHER", "对鹿", "12 瓶 箱", 5800, 1800, "瓶与冷链物流", 300, false);
        product("qixin-rice", qixin, "稻花香大米", "RICE", "奇鑫", "5 kg 袋", 6500, 800, "包装与物流", 600, false);
        product("jingye-cucumber", jingye, "旱黄瓜", "VEGETABLES", "兢业", "5 kg 箱", 2500, 600, "包装与冷链", 400, false);
        product("jingye-tomato", jingye, "西红柿", "VEGETABLES", "兢业", "5 kg 箱", 2800, 600, "包装与冷链", 400, false);
        product("jingye-cabbage", jingye, "大白菜", "VEGETABLES", "兢业", "10 kg 袋", 1800, 500, "包装与物流", 500, false);
        product("jingye-beans", jingye, "油豆角", "VEGETABLES", "兢业", "5 kg 箱", 3500, 600, "包装与冷链", 300, false);
        product("xifengshou-soy-sauce", xifengshou, "黄豆酱", "OTHER", "喜丰收", "1 kg 瓶", 1800, 400, "瓶与物流", 500, false);
        geese = product("xinggong-geese", xinggong, "双城大鹅（兴功村代养）", "POULTRY", "兴功", "整只 约 4 kg", 16800, 1800, "屠宰、冷链物流", 700, true);
        product("xinggong-goose-eggs", xinggong, "鹅蛋", "EGGS", "兴功", "10 枚 盒", 5000, 600, "包装与物流", 300, false);
        String[][] cooperativeGoods = {
                {"笨鸡蛋", "EGGS", "30 枚 箱", "4800", "600"}, {"散养笨鸡", "POULTRY", "整只 约 1.5 kg", "9800", "1200"},
                {"黑猪肉", "MEAT", "2 kg 冷鲜", "12800", "1600"}, {"颠茄草", "HERBS", "1 kg 袋", "4500", "500"},
                {"紫皮大蒜", "VEGETABLES", "5 kg 网袋", "3000", "500"}, {"毛葱", "VEGETABLES", "5 kg 网袋", "2600", "500"},
                {"鹅蛋", "EGGS", "10 枚 盒", "5200", "600"}, {"笨鸡蛋", "EGGS", "60 枚 箱", "9000", "900"}};
        int i = 0;
        for (Seller cooperative : sellers.subList(8, sellers.size())) {
            String[] goods = cooperativeGoods[i % cooperativeGoods.length];
            product("coop-" + i, cooperative, goods[0], goods[1], cooperative.village(), goods[2], Long.parseLong(goods[3]),
                    Long.parseLong(goods[4]), "包装与物流", 200 + 10 * i, goods[1].equals("POULTRY") && i % 2 == 0);
            if (i < 6) {
                // The first cooperatives also sell a second product of their villages.
                String[] more = cooperativeGoods[(i + 3) % cooperativeGoods.length];
                product("coop-" + i + "-b", cooperative, more[0], more[1], cooperative.village(), more[2],
                        Long.parseLong(more[3]), Long.parseLong(more[4]), "包装与物流", 150, false);
            }
            i++;
        }
    }

    private Seller seller(String name, String kind, String creditCode, String town, String village, String contact) {
        Seller seller = new Seller(name, kind, creditCode, town, village, contact);
        sellers.add(seller);
        return seller;
    }

    private Product product(String key, Seller seller, String name, String category, String brand, String unit,
            long priceFen, long costFen, String costReason, int stock, boolean presale) {
        Product product = new Product(key, seller, name, category, brand, unit, priceFen, costFen, costReason, stock,
                seller.village(), presale, name + "，" + seller.village() + "出产，" + seller.name() + "零利润销售，所得净收益全部归联结贫困户。");
        products.add(product);
        return product;
    }

    /** Completes a 17-character unified social credit code with its GB 32100 check character. */
    static String code(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CODE_CHARS.indexOf(first17.charAt(i)) * CODE_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return first17 + CODE_CHARS.charAt(check == 31 ? 0 : check);
    }
}
