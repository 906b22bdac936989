"""Names in a roster's name column (征地补偿名册、救助发放名册) are a third party's information; a table of officials is not."""

from __future__ import annotations

from faker import Faker

from reviewer.screen.screening import Screener


def _roster(seed: int, header: str, n: int = 6) -> tuple[str, list[str]]:
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    names = []
    while len(names) < n:
        name = fake.name()
        if name not in names and 2 <= len(name) <= 3:
            names.append(name)
    rows = [f"{i + 1}\t{name}\t{fake.random_int(1, 6)}\t{fake.random_int(300, 2000)}元" for i, name in enumerate(names)]
    return header + "\n" + "\n".join(rows), names


def test_every_name_of_a_relief_roster_is_found():
    text, names = _roster(11, "2024年某街道临时救助发放名册\n序号\t户主姓名\t家庭人口\t救助金额")
    result = Screener().screen_text(text, path="roster.txt")
    found = {f.text for f in result.findings if f.rule == "PRV020"}
    # a generated name the shape check rejects (a surname outside the common list) may be missed, never more than one
    assert len(found & set(names)) >= len(names) - 1
    assert found <= set(names)
    assert result.verdict != "clean"


def test_a_table_of_officials_is_not_a_roster_of_private_persons():
    fake = Faker("zh_CN")
    fake.seed_instance(12)
    rows = [f"{i + 1} {fake.name()} {post} 0571-8700{1000 + i}" for i, post in enumerate(["局长", "副局长", "副局长"])]
    text = "某局领导班子成员及工作分工\n序号 姓名 职务 办公电话\n" + "\n".join(rows)
    result = Screener().screen_text(text, path="leaders.txt")
    assert not [f for f in result.findings if f.rule == "PRV020"]


def test_a_numbered_list_of_places_is_not_a_roster():
    # "姓名" is in the text, but no table header (序号 … 姓名 …) names people: 李村、张庄 are villages
    text = "工作安排\n1 王府井 街区改造\n2 李村 道路硬化\n3 张庄 污水管网\n请各单位填写联系人姓名。"
    result = Screener().screen_text(text, path="tasks.txt")
    assert not [f for f in result.findings if f.rule == "PRV020"]
    with_header = "序号 户主 项目\n" + text.split("\n", 1)[1]
    assert {f.text for f in Screener().screen_text(with_header, path="t.txt").findings if f.rule == "PRV020"} >= {"李村"}


def _rows(seed: int, n: int, row) -> tuple[str, list[str]]:
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    names: list[str] = []
    while len(names) < n:
        name = fake.name()
        if name not in names and 2 <= len(name) <= 3:
            names.append(name)
    return "\n".join(row(i, name, fake) for i, name in enumerate(names)), names


ROW_SHAPES = {
    "gender_and_amount": lambda i, name, fake: f"{i + 1}  {name}  {fake.random_element(['男', '女'])}  {fake.random_int(20, 120)}.5万元",
    "area_and_amount": lambda i, name, fake: f"{i + 1}\t{name}\t{fake.random_int(40, 140)}.2\t{fake.random_int(20, 120)}.3万元",
    "phone": lambda i, name, fake: f"| {i + 1} | {name} | 1{fake.random_int(3, 9)}{fake.numerify('#########')} | {fake.random_int(1, 6)}人 |",
}


def test_rows_of_a_roster_pasted_without_its_header_are_found_first_to_last():
    for seed, (shape, row) in enumerate(ROW_SHAPES.items()):
        text, names = _rows(20 + seed, 5, row)
        result = Screener().screen_text("附件（续表）\n" + text + "\n合计", path=f"{shape}.txt")
        found = {f.text for f in result.findings if f.rule == "PRV021"}
        assert found <= set(names), shape
        assert len(found & set(names)) >= len(names) - 1, shape
        assert names[0] in found or names[1] in found, shape  # the first rows too, not only those with a row above
        assert names[-1] in found or names[-2] in found, shape


def test_a_single_row_or_a_list_of_places_with_amounts_is_not_a_roster():
    text, _names = _rows(30, 1, ROW_SHAPES["gender_and_amount"])
    assert not [f for f in Screener().screen_text(text, path="one.txt").findings if f.rule == "PRV021"]
    places = "1 周庄 30万元\n2 高桥 20万元\n3 李村 15万元"
    assert not [f for f in Screener().screen_text(places, path="places.txt").findings if f.rule == "PRV021"]


def test_a_published_list_without_header_is_not_flagged_by_the_row_rule():
    text, _names = _rows(31, 4, lambda i, name, fake: f"{i + 1} {name} {fake.random_int(1, 4)} {fake.random_int(400, 1800)}元")
    published = "现将拟新增低保对象予以公示：\n" + text + "\n公示期7天。"
    assert not [f for f in Screener().screen_text(published, path="pub.txt").findings if f.rule == "PRV021"]


def test_names_in_the_first_column_of_a_payroll_are_found():
    text, names = _rows(40, 4, lambda i, name, fake: f"{name} {fake.random_int(4000, 6000)} {fake.random_int(300, 500)} "
                                                      f"{fake.random_int(3500, 5500)}")
    result = Screener().screen_text("职工工资发放表（2023年5月）\n姓名 应发工资 扣款 实发工资\n" + text, path="pay.txt")
    found = {f.text for f in result.findings if f.rule == "PRV023"}
    assert found <= set(names) and len(found & set(names)) >= len(names) - 1


def test_a_published_list_of_enforcement_officers_is_not_a_roster_of_private_persons():
    text, _names = _rows(41, 3, lambda i, name, fake: f"{name} 44072100{fake.random_int(10, 99)} 道路运输")
    result = Screener().screen_text("执法人员名单公示\n姓名 执法证号 执法类别\n" + text, path="officers.txt")
    assert not [f for f in result.findings if f.rule == "PRV023"]
