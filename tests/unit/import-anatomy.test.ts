import { describe, expect, it } from "vitest";
import {
  assignHead,
  endsSentence,
  isHeadLike,
  isLabel,
  isLeadingByline,
  isPlaceName,
  parseCredit,
  splitDateline,
  splitKicker,
  splitTrailingCredit,
  subheadLead,
  subheadText,
} from "../../src/import/anatomy";
import { sectionMarker } from "../../src/import/sections";

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

describe("heads set on two lines", () => {
  it("keep the lines after a dashed subhead in the subhead", () => {
    expect(
      assignHead(["韩集镇", "开展人居环境整治", "——实施居民小区党组织覆盖", "与物业服务覆盖“双推进”"]),
    ).toMatchObject({
      kicker: "韩集镇",
      headline: "开展人居环境整治",
      subhead: "实施居民小区党组织覆盖\n与物业服务覆盖“双推进”",
    });
  });

  it("keep more head lines than kicker, headline and subhead as one headline", () => {
    expect(assignHead(["韩集镇", "召开各级人大代表", "学习贯彻专题会", "——副题"])).toMatchObject({
      kicker: "韩集镇",
      headline: "召开各级人大代表\n学习贯彻专题会",
      subhead: "副题",
    });
  });

  it("take a subhead's dash off however it was typed", () => {
    for (const dash of ["——", "――", "—", "--", "－－", "── "]) expect(subheadText(`${dash}党建引领`)).toBe("党建引领");
    expect(subheadText("党建引领")).toBe("党建引领");
  });
});

describe("Traditional Chinese anatomy", () => {
  it.each([
    ["本報訊 近日，韓集鎮…", "本報訊", "近日，韓集鎮…"],
    ["東昌府訊 為進一步…", "東昌府訊", "為進一步…"],
    ["又訊 「請提前把健康碼打開」", "又訊", "「請提前把健康碼打開」"],
    ["本報訊（記者 陳大文）近日，…", "本報訊（記者 陳大文）", "近日，…"],
    ["【本報訊】近日，…", "【本報訊】", "近日，…"],
    ["本報記者 陳大文 報道：近日，…", "本報記者 陳大文 報道", "近日，…"],
  ])("%s", (paragraph, dateline, text) => {
    expect(splitDateline(paragraph)).toEqual({ dateline, text });
  });

  it.each([
    ["（通訊員 李鳳國 攝）", "photo", "通訊員 李鳳國 攝"],
    ["（記者 陳大文攝）", "photo", "記者 陳大文攝"],
    ["圖：陳大文", "photo", "圖：陳大文"],
    ["（融媒體 韓警維）", "byline", "融媒體 韓警維"],
    ["鬥虎屯鎮宣", "byline", "鬥虎屯鎮宣"],
  ])("credit %s", (line, kind, text) => {
    expect(parseCredit(line)).toEqual({ kind, text });
  });

  it("knows Traditional place names and labels", () => {
    expect(isPlaceName("新區街道")).toBe(true);
    expect(isPlaceName("鬥虎屯鎮")).toBe(true);
    expect(splitKicker("廣平鎮 多措並舉 加強反邪教文化陣地建設")).toEqual({
      kicker: "廣平鎮",
      headline: "多措並舉 加強反邪教文化陣地建設",
    });
    expect(isLabel("教育快訊")).toBe(true);
  });
});

describe("English anatomy", () => {
  it.each([
    ["MILLBROOK — The town council voted on Tuesday.", "MILLBROOK", "The town council voted on Tuesday."],
    ["WASHINGTON, D.C. -- Lawmakers met.", "WASHINGTON, D.C.", "Lawmakers met."],
    ["MILLBROOK, Ohio (AP) — The fair opened.", "MILLBROOK, Ohio (AP)", "The fair opened."],
  ])("dateline %s", (paragraph, dateline, text) => {
    expect(splitDateline(paragraph)).toEqual({ dateline, text });
  });

  it("leaves a sentence with a dash inside alone", () => {
    expect(splitDateline("The council — all seven members — voted.").dateline).toBeUndefined();
  });

  it.each([
    ["By Jane Doe", "byline", "By Jane Doe"],
    ["By Jane Doe and John Roe", "byline", "By Jane Doe and John Roe"],
    ["Photo: Jane Doe/Staff", "photo", "Photo: Jane Doe/Staff"],
    ["Photo by John Roe", "photo", "Photo by John Roe"],
  ])("credit %s", (line, kind, text) => {
    expect(parseCredit(line)).toEqual({ kind, text });
    expect(isHeadLike(line)).toBe(false);
  });

  it("opens a story with its byline and closes a caption with its photo credit", () => {
    expect(isLeadingByline("By Jane Doe")).toBe(true);
    expect(isLeadingByline("By the river the fair opened.")).toBe(false);
    expect(splitTrailingCredit("Children at the fair on Saturday. Photo: Jane Doe/Staff")).toEqual({
      text: "Children at the fair on Saturday.",
      credit: { kind: "photo", text: "Photo: Jane Doe/Staff" },
    });
  });

  it("tells an English head from a sentence", () => {
    expect(isHeadLike("Town council approves new library budget")).toBe(true);
    expect(isHeadLike("The council met on Tuesday. It voted.")).toBe(false);
  });
});

describe("section lines", () => {
  it.each([
    ["版面：民生", "民生"],
    ["Section: Sports", "Sports"],
    ["【要闻】", "要闻"],
    ["民生版", "民生"],
    ["第二版 民生", "民生"],
    ["要聞", "要聞"],
  ])("%s names %s", (line, section) => {
    expect(sectionMarker(line)).toBe(section);
  });

  it.each([
    "教育快讯",
    "韩集镇",
    "用千千万万个文明健康小环境 筑牢疫情防控社会大防线",
    "Sports",
  ])("%s is no section line", (line) => {
    expect(sectionMarker(line)).toBeUndefined();
  });
});
