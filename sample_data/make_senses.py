"""Write the sense corpora: sentences where one written word takes different senses.

Usage:
    python sample_data/make_senses.py

Each line is a sentence in which every occurrence of a word with several senses is written
``{word|sense}``: ``We sat on the {bank|river} and watched the boats.`` The loader
(``explorer.models.sense_data``) strips the braces and keeps the sense of each occurrence,
so a page can colour the occurrences of *bank* by sense and score how well a contextual
model separates them. The words and their senses:

- English (``senses_en.txt``): *bank* (river / money), *trouble* (verb / noun, with the
  proverb "Don't trouble trouble"), *light* (adjective: not heavy / noun: a lamp).
- Chinese (``senses_zh.txt``): 打 (打电话 call / 打球 ball / 打水 water), 东西 (direction /
  thing).
- Japanese (``senses_ja.txt``): はし (橋 bridge / 箸 chopsticks), かみ (紙 paper / 髪 hair).

Some templates of two senses begin with the same words ("She walked to the bank to ..."),
so that only the right context tells the senses apart: a left-to-right (GPT-style) model
cannot separate those occurrences, a bidirectional (BERT-style) one can.

The output is deterministic (``Dealer(SEED)`` per file, as in ``make_samples.py``); running
the script again rewrites the files byte for byte. ``python sample_data/validate_samples.py
senses`` checks them. Only the standard library is used.
"""

from __future__ import annotations

from make_samples import HERE, SEED, Dealer, Theme, en_sentence, make_corpus, write_lines

SENSE_FILES = {"en": "senses_en.txt", "zh": "senses_zh.txt", "ja": "senses_ja.txt"}
SENTENCES = {"en": 1200, "zh": 900, "ja": 480}


def pick(rng: Dealer, *options: str) -> str:
    return rng.choice(options)


# ----------------------------------------------------------------------------------- English

EN_PEOPLE = ["she", "he", "my sister", "my brother", "the old man", "the girl", "the farmer",
             "the teacher", "my friend", "the boy", "my mother", "my father"]
EN_OBJ = ["her", "him", "my sister", "my brother", "the old man", "the girl", "the farmer",
          "the teacher", "my friend", "the boy", "my mother", "my father"]
EN_RIVERS = ["river", "stream", "lake", "canal"]
EN_MONEY = ["money", "cash", "savings", "wages", "coins", "a cheque"]
EN_NATURE = ["ducks", "frogs", "reeds", "fish", "swans", "flowers", "willows"]
EN_OBJECTS = ["bag", "box", "coat", "chair", "tent", "bike", "basket", "suitcase"]
EN_ROOMS = ["kitchen", "bedroom", "hall", "garage", "office", "bathroom", "classroom"]
EN_BOTHER = ["the teacher", "your mother", "the doctor", "the neighbours", "your father",
             "the old man", "the baby"]
EN_THINGS = ["the car", "the computer", "the roof", "the printer", "the engine", "the lock"]


def en_bank_river(rng: Dealer) -> str:
    slots = {"p": rng.choice(EN_PEOPLE), "r": rng.choice(EN_RIVERS),
             "n": rng.choice(EN_NATURE), "b": "{bank|river}"}
    return en_sentence(rng.choice([
        "{p} sat on the {b} of the {r}",
        "{p} walked along the {b} of the {r}",
        "{p} fished from the muddy {b} of the {r}",
        "the {r} flooded its {b} after the rain",
        "{p} saw {n} on the {b} of the {r}",
        "we had a picnic on the grassy {b} by the {r}",
        "{p} walked to the {b} to watch the {n} on the {r}",
        "{p} went down to the {b} to look at the {r}",
        "the boat drifted towards the {b} of the {r}",
        "{n} live on the {b} near the water",
    ]), **slots)


def en_bank_money(rng: Dealer) -> str:
    slots = {"p": rng.choice(EN_PEOPLE), "m": rng.choice(EN_MONEY), "q": rng.choice(EN_OBJ),
             "o": rng.choice(["house", "car", "farm", "shop"]), "b": "{bank|money}"}
    return en_sentence(rng.choice([
        "{p} put {m} in the {b}",
        "{p} took {m} out of the {b}",
        "the {b} lent {q} money for a {o}",
        "{p} asked the {b} for a loan",
        "the {b} charged interest on the loan for the {o}",
        "{p} walked to the {b} to pay in {m}",
        "{p} went down to the {b} to ask for a loan",
        "{p} works at the {b} in town",
        "the {b} opened an account for {q}",
        "{p} kept {m} safe in the {b}",
    ]), **slots)


def en_trouble_verb(rng: Dealer) -> str:
    slots = {"p": rng.choice(EN_PEOPLE), "w": rng.choice(EN_BOTHER),
             "t": "{trouble|verb}", "n": "{trouble|noun}",
             "q": pick(rng, "small questions", "your problems", "the noise", "silly things")}
    return en_sentence(rng.choice([
        "please do not {t} {w} with {q}",
        "I am sorry to {t} {w} so late",
        "{p} did not want to {t} {w}",
        "it would {t} {w} to hear the news",
        "don't {t} {w} with {q}",
        "may I {t} you for a moment",
        "don't {t} {n}",
        "don't {t} {n} until {n} finds you",
    ]), **slots)


def en_trouble_noun(rng: Dealer) -> str:
    slots = {"p": rng.choice(EN_PEOPLE), "x": rng.choice(EN_THINGS), "t": "{trouble|noun}",
             "s": pick(rng, "at school", "at work", "in town", "at home")}
    return en_sentence(rng.choice([
        "{p} got into {t} {s}",
        "we had {t} with {x}",
        "the {t} with {x} is the cost",
        "{p} is in big {t} {s}",
        "the {t} started when {x} broke",
        "{p} had no {t} finding the way",
        "{p} keeps out of {t} {s}",
        "there was {t} {s} last night",
    ]), **slots)


def en_light_weight(rng: Dealer) -> str:
    slots = {"p": rng.choice(EN_PEOPLE), "o": rng.choice(EN_OBJECTS), "l": "{light|weight}"}
    return en_sentence(rng.choice([
        "the {o} is {l} and easy to carry",
        "{p} carried a {l} {o} up the hill",
        "this {o} is very {l}",
        "{p} picked up the {l} {o} with one hand",
        "{p} wanted a {l} {o} for the trip",
        "the new {o} is {l} as a feather",
        "{p} packed a {l} {o} so it would not be heavy",
    ]), **slots)


def en_light_lamp(rng: Dealer) -> str:
    slots = {"p": rng.choice(EN_PEOPLE), "r": rng.choice(EN_ROOMS), "l": "{light|lamp}"}
    return en_sentence(rng.choice([
        "{p} turned on the {l} in the {r}",
        "{p} switched off the {l} in the {r}",
        "the {l} in the {r} was bright",
        "{p} picked up the {l} and put it in the {r}",
        "please turn off the {l} before bed",
        "the {l} in the {r} went out",
        "{p} read a book by the {l} in the {r}",
    ]), **slots)


EN_THEMES: list[tuple[Theme, int]] = [
    (en_bank_river, 20), (en_bank_money, 20),
    (en_trouble_verb, 15), (en_trouble_noun, 15),
    (en_light_weight, 15), (en_light_lamp, 15),
]


# ----------------------------------------------------------------------------------- Chinese

ZH_PEOPLE = ["我", "他", "她", "妈妈", "爸爸", "老师", "我的朋友", "小明", "小红", "哥哥", "姐姐"]
ZH_CALLEES = ["妈妈", "爸爸", "老师", "医生", "朋友", "奶奶", "爷爷"]
ZH_BALLS = ["篮球", "网球", "乒乓球", "羽毛球", "排球"]
ZH_WELLS = ["井里", "河里", "湖边", "山下的泉里"]
ZH_THINGS = ["水果", "衣服", "书", "礼物", "吃的"]
ZH_PLACES = ["这条街", "这座城市", "那条河", "这个公园", "这座桥", "这条路", "这个广场", "这个村子",
             "这个湖", "这片森林", "这所学校"]


def zh_da_call(rng: Dealer) -> str:
    p, c = rng.choice(ZH_PEOPLE), rng.choice(ZH_CALLEES)
    return rng.choice([
        f"{p}给{c}{{打|call}}电话", f"{p}每天晚上给{c}{{打|call}}电话",
        f"{p}忘了给{c}{{打|call}}电话", f"{c}昨天给{p}{{打|call}}了一个电话",
        f"{p}想{{打|call}}电话问{c}",
    ]) + "。"


def zh_da_ball(rng: Dealer) -> str:
    p, b = rng.choice(ZH_PEOPLE), rng.choice(ZH_BALLS)
    return rng.choice([
        f"{p}在公园{{打|ball}}{b}", f"{p}周末和朋友{{打|ball}}{b}",
        f"{p}下午去学校{{打|ball}}{b}", f"{p}喜欢{{打|ball}}{b}",
        f"{p}每天放学后{{打|ball}}{b}",
    ]) + "。"


def zh_da_water(rng: Dealer) -> str:
    p, w = rng.choice(ZH_PEOPLE), rng.choice(ZH_WELLS)
    return rng.choice([
        f"{p}去{w}{{打|water}}水", f"{p}拿着桶去{w}{{打|water}}水",
        f"{p}每天早上去{w}{{打|water}}水", f"{p}用水桶{{打|water}}了一桶水",
        f"{p}从{w}{{打|water}}水回家",
    ]) + "。"


def zh_dongxi_direction(rng: Dealer) -> str:
    place = rng.choice(ZH_PLACES)
    km = rng.choice(["两", "三", "四", "五", "六", "十"])
    return rng.choice([
        f"{place}是{{东西|direction}}走向的", f"{place}{{东西|direction}}长{km}公里",
        f"{place}的{{东西|direction}}两边都有树", f"{place}从{{东西|direction}}两头都能进去",
        f"{place}{{东西|direction}}宽{km}公里", f"{place}{{东西|direction}}方向各有一个门",
    ]) + "。"


def zh_dongxi_thing(rng: Dealer) -> str:
    p, t = rng.choice(ZH_PEOPLE), rng.choice(ZH_THINGS)
    return rng.choice([
        f"{p}在商店买了很多{{东西|thing}}", f"{p}把{{东西|thing}}放在桌子上",
        f"{p}带了一些{{东西|thing}}回家", f"{p}忘了带{{东西|thing}}",
        f"{p}送给朋友的{{东西|thing}}是{t}", f"{p}的包里有很多{{东西|thing}}",
    ]) + "。"


ZH_THEMES: list[tuple[Theme, int]] = [
    (zh_da_call, 20), (zh_da_ball, 20), (zh_da_water, 20),
    (zh_dongxi_direction, 20), (zh_dongxi_thing, 20),
]


# ---------------------------------------------------------------------------------- Japanese

JA_PEOPLE = ["私", "彼", "彼女", "母", "父", "先生", "子供", "友達", "兄", "姉"]
JA_FOODS = ["ご飯", "麺", "魚", "豆", "肉", "野菜", "うどん", "そば"]
JA_RIVERS = ["川", "谷", "運河", "池"]
JA_TOWNS = ["町", "駅", "村", "学校", "公園"]
JA_PAPER = ["白い", "赤い", "薄い", "大きな", "新しい", "青い"]
JA_HAIR = ["長い", "短い", "黒い", "きれいな", "ぬれた", "茶色の"]


def ja_hashi_bridge(rng: Dealer) -> str:
    p, r, t = rng.choice(JA_PEOPLE), rng.choice(JA_RIVERS), rng.choice(JA_TOWNS)
    return rng.choice([
        f"{p}は{r}の{{はし|bridge}}を渡った", f"{r}に古い{{はし|bridge}}がかかっている",
        f"{p}は{{はし|bridge}}の上から{r}を見た", f"{r}の{{はし|bridge}}が雨で壊れた",
        f"{p}は{{はし|bridge}}を渡って{t}へ行った", f"{t}の近くの{r}に{{はし|bridge}}がある",
    ]) + "。"


def ja_hashi_chopsticks(rng: Dealer) -> str:
    p, f = rng.choice(JA_PEOPLE), rng.choice(JA_FOODS)
    return rng.choice([
        f"{p}は{{はし|chopsticks}}で{f}を食べた", f"{p}は{{はし|chopsticks}}を使って{f}をつまんだ",
        f"{p}は{f}の横に{{はし|chopsticks}}を置いた", f"{p}は{{はし|chopsticks}}で{f}を取った",
        f"{p}は{f}を食べるために{{はし|chopsticks}}を買った",
    ]) + "。"


def ja_kami_paper(rng: Dealer) -> str:
    p, a = rng.choice(JA_PEOPLE), rng.choice(JA_PAPER)
    return rng.choice([
        f"{p}は{a}{{かみ|paper}}に字を書いた", f"{p}は{a}{{かみ|paper}}を折った",
        f"{p}は{a}{{かみ|paper}}で鶴を作った", f"{p}は{a}{{かみ|paper}}に絵を描いた",
        f"{p}は{a}{{かみ|paper}}を一枚もらった",
    ]) + "。"


def ja_kami_hair(rng: Dealer) -> str:
    p, a = rng.choice(JA_PEOPLE), rng.choice(JA_HAIR)
    return rng.choice([
        f"{p}は{a}{{かみ|hair}}を短く切った", f"{p}は{a}{{かみ|hair}}を洗った",
        f"{p}は{a}{{かみ|hair}}をくしでとかした", f"{p}は{a}{{かみ|hair}}を黒く染めた",
        f"{p}は朝{a}{{かみ|hair}}を乾かした",
    ]) + "。"


JA_THEMES: list[tuple[Theme, int]] = [
    (ja_hashi_bridge, 25), (ja_hashi_chopsticks, 25), (ja_kami_paper, 25), (ja_kami_hair, 25),
]


def main() -> None:
    themes = {"en": EN_THEMES, "zh": ZH_THEMES, "ja": JA_THEMES}
    for language, filename in SENSE_FILES.items():
        lines = make_corpus(Dealer(SEED), themes[language], SENTENCES[language])
        write_lines(HERE / filename, lines)


if __name__ == "__main__":
    main()
