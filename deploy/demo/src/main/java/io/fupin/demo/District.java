package io.fupin.demo;

import java.util.List;

/**
 * 雙城區 (Shuangcheng District, Harbin) as the demo knows it: its towns and villages. 興功村 of 聯興鎮 is
 * where one farmer raises 700 geese for 18 poor households.
 */
record District(String name, List<Town> towns) {

    record Town(String name, List<String> villages) {
    }

    static District shuangcheng() {
        return new District("雙城區", List.of(
                new Town("聯興鎮", List.of("興功村", "聯興村", "永豐村", "長勝村", "新華村", "東升村")),
                new Town("周家鎮", List.of("周家村", "前進村", "太平村", "民主村", "紅星村")),
                new Town("東官鎮", List.of("東官村", "勝利村", "光明村", "富強村", "和平村")),
                new Town("農豐鎮", List.of("農豐村", "豐收村", "團結村", "向陽村", "新立村")),
                new Town("杏山鎮", List.of("杏山村", "山河村", "前鋒村", "曙光村")),
                new Town("西官鎮", List.of("西官村", "長青村", "新發村", "增產村")),
                new Town("單城鎮", List.of("單城村", "富民村", "友誼村", "合心村")),
                new Town("韓甸鎮", List.of("韓甸村", "興隆村", "永安村", "建設村", "幸福村")),
                new Town("蘭棱鎮", List.of("蘭棱村", "新農村", "東方紅村", "立新村")),
                new Town("五家鎮", List.of("五家村", "永勝村", "新民村", "治安村")),
                new Town("青嶺鄉", List.of("青嶺村", "福興村", "長山村", "雙井村")),
                new Town("金城鄉", List.of("金城村", "雙榆村", "平安村", "前程村"))));
    }
}
