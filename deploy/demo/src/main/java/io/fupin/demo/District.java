package io.fupin.demo;

import java.util.List;

/**
 * 双城区 (Shuangcheng District, Harbin) as the demo knows it: its towns and villages. 兴功村 of 联兴镇 is
 * where one farmer raises 700 geese for 18 poor households.
 */
record District(String name, List<Town> towns) {

    record Town(String name, List<String> villages) {
    }

    static District shuangcheng() {
        return new District("双城区", List.of(
                new Town("联兴镇", List.of("兴功村", "联兴村", "永丰村", "长胜村", "新华村", "东升村")),
                new Town("周家镇", List.of("周家村", "前进村", "太平村", "民主村", "红星村")),
                new Town("东官镇", List.of("东官村", "胜利村", "光明村", "富强村", "和平村")),
                new Town("农丰镇", List.of("农丰村", "丰收村", "团结村", "向阳村", "新立村")),
                new Town("杏山镇", List.of("杏山村", "山河村", "前锋村", "曙光村")),
                new Town("西官镇", List.of("西官村", "长青村", "新发村", "增产村")),
                new Town("单城镇", List.of("单城村", "富民村", "友谊村", "合心村")),
                new Town("韩甸镇", List.of("韩甸村", "兴隆村", "永安村", "建设村", "幸福村")),
                new Town("兰棱镇", List.of("兰棱村", "新农村", "东方红村", "立新村")),
                new Town("五家镇", List.of("五家村", "永胜村", "新民村", "治安村")),
                new Town("青岭乡", List.of("青岭村", "福兴村", "长山村", "双井村")),
                new Town("金城乡", List.of("金城村", "双榆村", "平安村", "前程村"))));
    }
}
