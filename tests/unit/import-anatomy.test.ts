import { describe, expect, it } from "vitest";
import {
  assignHead,
  endsSentence,
  isHeadLike,
  isPlaceName,
  parseCredit,
  splitDateline,
  splitKicker,
  splitTrailingCredit,
  subheadLead,
} from "../../src/import/anatomy";

// The shape rules of story anatomy, on lines taken from the corpus.

describe("kicker on the headline's line", () => {
  it.each([
    ["闫寺街道 支部领办合作社推进土地托管", "闫寺街道", "支部领办合作社推进土地托管"],
    ["新区街道华府社区 三举措践行信义积分兑换制度", "新区街道华府社区", "三举措践行信义积分兑换制度"],
    ["聊城二中 举办书画艺术线上展览", "聊城二中", "举办书画艺术线上展览"],
    [
      "实验小学 郑家镇镇东小学 举行“铭记历史 致敬英雄 争做新时代好少年” 主题升旗仪式",
      "实验小学 郑家镇镇东小学",
      "举行“铭记历史 致敬英雄 争做新时代好少年” 主题升旗仪式",
    ],
    ["侯营镇 农家书屋”添新书 丰富群众精神“食粮”", "侯营镇", "农家书屋”添新书 丰富群众精神“食粮”"],
  ])("%s", (line, kicker, headline) => {
    expect(splitKicker(line)).toEqual({ kicker, headline });
  });

  it.each([
    "用千千万万个文明健康小环境 筑牢疫情防控社会大防线",
    "践行垃圾分类 争做环保先锋",
    "我区开展“拒绝文身 从我做起”宣传活动",
    "新区街道：“三治融合”筑牢“基层之治”",
    "新区街道王卷帽社区开展主题手工活动",
    "我区各镇(街道)全力以赴 筑牢抗疫基层防线",
  ])("keeps %s whole", (line) => {
    expect(splitKicker(line)).toEqual({ headline: line });
  });

  it("knows place names from other words", () => {
    expect(isPlaceName("道口铺街道中心学校陈化屯小学")).toBe(true);
    expect(isPlaceName("我区")).toBe(false);
    expect(isPlaceName("珍爱生命")).toBe(false);
  });
});

describe("datelines", () => {
  it.each([
    ["东昌府讯 近日，韩集镇…", "东昌府讯", "近日，韩集镇…"],
    ["又讯 “请提前把健康码打开”", "又讯", "“请提前把健康码打开”"],
    ["本报讯（记者 张三）近日，…", "本报讯（记者 张三）", "近日，…"],
    ["斗虎屯讯\u3000为进一步净化", "斗虎屯讯", "为进一步净化"],
  ])("%s", (paragraph, dateline, text) => {
    expect(splitDateline(paragraph)).toEqual({ dateline, text });
  });

  it("needs a space after the dateline word", () => {
    expect(splitDateline("资讯发布会上，…").dateline).toBeUndefined();
    expect(splitDateline("东昌府讯").dateline).toBeUndefined();
  });
});

describe("credits", () => {
  it.each([
    ["（融媒体 郭龙君 通讯员 张璇 付磊）", "byline", "融媒体 郭龙君 通讯员 张璇 付磊"],
    ["(融媒体 徐振鑫)", "byline", "融媒体 徐振鑫"],
    ["（中国文明网）", "byline", "中国文明网"],
    ["（通讯员 李凤国 摄）", "photo", "通讯员 李凤国 摄"],
    ["通讯员 张振祥 摄", "photo", "通讯员 张振祥 摄"],
    ["梁水镇镇宣", "byline", "梁水镇镇宣"],
    ["团区委宣", "byline", "团区委宣"],
  ])("%s", (line, kind, text) => {
    expect(parseCredit(line)).toEqual({ kind, text });
  });

  it("is not a sentence in brackets or a plain paragraph", () => {
    expect(parseCredit("（注：以上数据截至10月底，均为初步统计。）")).toBeNull();
    expect(parseCredit("王猛表示。")).toBeNull();
  });

  it("splits a credit that ends the last paragraph", () => {
    expect(splitTrailingCredit("…奠定了坚实基础。（融媒体 郭龙君）")).toEqual({
      text: "…奠定了坚实基础。",
      credit: { kind: "byline", text: "融媒体 郭龙君" },
    });
    expect(splitTrailingCredit("活动现场（图）").credit).toBeUndefined();
  });
});

describe("head lines", () => {
  it("are short and without clause punctuation", () => {
    expect(isHeadLike("掀起环境整治“夏季攻势”")).toBe(true);
    expect(isHeadLike("系列品牌。推出道鸽烧鸽、道禧西红柿等农")).toBe(false);
    expect(isHeadLike("东昌府讯 近日")).toBe(false);
    expect(isHeadLike("（融媒体 韩警维）")).toBe(false);
  });

  it("tell sentence ends from column breaks", () => {
    expect(endsSentence("…奠定了坚实基础。")).toBe(true);
    expect(endsSentence("“让老百姓的钱袋子真正鼓起来”")).toBe(true);
    expect(endsSentence("…开辟爱国卫生工")).toBe(false);
  });

  it("assign label, kicker, headline and subhead", () => {
    expect(assignHead(["教育快讯", "道口铺街道中心学校陈化屯小学 开展禁烟教育活动"])).toMatchObject({
      label: "教育快讯",
      kicker: "道口铺街道中心学校陈化屯小学",
      headline: "开展禁烟教育活动",
    });
    expect(assignHead(["堂邑镇", "让文化志愿服务落地生根"])).toMatchObject({
      kicker: "堂邑镇",
      headline: "让文化志愿服务落地生根",
    });
    // Extraction put the kicker below the headline.
    expect(assignHead(["聚『点滴小事』成『文明大事』", "柳园街道"])).toMatchObject({
      kicker: "柳园街道",
      headline: "聚『点滴小事』成『文明大事』",
    });
    expect(assignHead(["为了群众的笑脸", "新区街道打通服务最后一公里", "——便民服务中心见闻"])).toMatchObject({
      kicker: "为了群众的笑脸",
      headline: "新区街道打通服务最后一公里",
      subhead: "便民服务中心见闻",
    });
    expect(subheadLead("——党建引领基层治理")).toBe("党建引领基层治理");
  });
});
