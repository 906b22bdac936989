"""A hint (an office landline after 联系人 in a notice) does not count towards a file's verdict, and the listing says
so instead of printing a score of 1.00 beside 未发现问题."""

from __future__ import annotations

from reviewer.app import Reviewer
from reviewer.screen.output import render_text

NOTICE = ("某区人民政府办公室关于印发《某区防汛应急预案》的通知\n各街道、区政府各部门：\n《某区防汛应急预案》已经区政府同意，"
          "现印发给你们，请认真贯彻执行。\n联系人：区应急管理局值班室，电话：0571-86001234\n")


def test_a_hint_is_listed_without_a_score():
    result = Reviewer.from_config(model=None).screen_text(NOTICE, name="通知.txt")
    assert result.to_dict()["verdict"] == "clean"
    hints = [f for f in result.to_dict()["findings"] if f["severity"] == "info"]
    assert hints, "the landline is still listed, as a hint"
    text = render_text(result)
    assert "提示（不计入结论）" in text
    assert "分值 1.00" not in text
