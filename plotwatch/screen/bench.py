"""Screening benchmark: index build time, queries per second, p50/p95 per query, peak memory.

Synthetic people from name parts of six naming cultures (Persian, Arabic, Russian, Chinese,
Turkish, English), part frequencies skewed like real names (Zipf), each with one to three
aliases written in another transliteration. Queries are variants of indexed names (another
spelling, another order, a dropped middle name, a typo) and names that are not indexed.
Seeded: the same arguments give the same names.

    python -m plotwatch.screen.bench [N_ENTITIES] [N_QUERIES]
"""

from __future__ import annotations

import json
import random
import resource
import sys
import time
from typing import Any

from plotwatch.screen.screener import Screener

GIVEN = {
    "fa": "Mohammad Ali Hossein Reza Mahmoud Hassan Mehdi Abbas Javad Saeed Hamid Amir Majid Ahmad Mostafa "
    "Ebrahim Esmail Morteza Mojtaba Masoud Asadollah Ruhollah Habibollah Kazem Jafar Nasser Farhad Behrouz "
    "Dariush Kourosh Babak Shahram Siamak Omid Navid Pouya Arash Bijan Parviz Manouchehr Fatemeh Zahra "
    "Maryam Narges Nasrin Shirin Golrokh Masih Leila Azadeh Mahsa Nazanin Sepideh",
    "ar": "Mohammed Ahmed Abdullah Abdul-Rahman Khalid Omar Yousef Ibrahim Ismail Hassan Hussein Ali Saeed "
    "Mustafa Tariq Walid Fahd Faisal Saud Nayef Sultan Majed Hamza Bilal Osama Ayman Marwan Ziad Samir "
    "Karim Nabil Rami Imad Jamal Salah Adel Anwar Yahya Zakaria Aisha Fatima Mariam Layla Noura Hala Rania",
    "ru": "Aleksandr Sergei Vladimir Dmitry Andrei Alexei Mikhail Nikolai Ivan Yevgeny Yuri Oleg Igor Viktor "
    "Anatoly Gennady Boris Pavel Roman Maxim Denis Ruslan Vadim Konstantin Fyodor Pyotr Arkady Leonid "
    "Grigory "
    "Olga Natalya Yulia Tatiana Elena Irina Svetlana Anna Maria Yekaterina",
    "zh": "Wei Fang Na Min Jing Li Qiang Lei Jun Yang Yong Jie Tao Ming Chao Xiuying Guiying Jinping Keqiang "
    "Xiaobo Minhai Weiwei Jiechi Guangcheng Zedong Enlai Xiaoping Yi Hua Hong Ping Hui Gang Bin Lin",
    "tr": "Mehmet Ahmet Mustafa Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Recep Tayyip "
    "Fethullah "
    "Hakan Selahattin Kemal Emre Burak Şahin Can Ayşe Fatma Emine Hatice Zeynep Elif Özlem Gülşen",
    "en": "John James Robert Michael William David Richard Thomas Charles Christopher Daniel Matthew Anthony "
    "Mark Paul Steven Andrew Joshua Kevin Brian George Edward Mary Patricia Jennifer Linda Elizabeth "
    "Barbara Susan Jessica Sarah Karen Emma Olivia Sophie Charlotte",
}
FAMILY = {
    "fa": "Hosseini Mousavi Ahmadi Rezaei Mohammadi Karimi Jafari Rahimi Hashemi Ghorbani Sadeghi Moradi "
    "Kazemi Soleimani Salami Zarif Larijani Khamenei Rouhani Ahmadinejad Assadi Raisi Jalili Velayati "
    "Ghalibaf Bagheri Vahidi Dehghan Alavi Hajizadeh Safavi Qaani Shamkhani Zahedi Pahlavi Khomeini "
    "Rafsanjani Khatami Mottaki Araghchi Fallahian Rezaee Sotoudeh Alinejad Djalali Nouri Zam Sharmahd",
    "ar": "al-Hassan al-Masri al-Zawahiri al-Baghdadi Nasrallah al-Muhandis Gaddafi Khashoggi al-Qahtani "
    "al-Asiri Mutreb Abaaoud al-Qaradawi al-Douri Jumblatt Hariri al-Assad Badreddine Mughniyeh al-Zarqawi "
    "Mashal Haniyeh Sinwar Deif Saleh el-Sisi Mubarak bin-Laden al-Saud al-Thani al-Nahyan al-Maktoum "
    "Haddad Khoury Mansour Najjar Hamdan Barakat Fadlallah Abdelaziz al-Amin al-Sharif al-Tamimi",
    "ru": "Ivanov Petrov Sidorov Smirnov Kuznetsov Popov Vasiliev Sokolov Mikhailov Novikov Fedorov Morozov "
    "Volkov Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev Orlov Andreev Makarov Zakharov "
    "Prigozhin Chepiga Mishkin Boshirov Skripal Navalny Krasikov Lugovoi Kovtun Litvinenko Patrushev "
    "Shoigu Kadyrov Bortnikov Timchenko Rotenberg Deripaska Medvedev Lavrov Peskov",
    "zh": "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang "
    "Xie Song Tang Xi Gui Ai Mao Deng",
    "tr": "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan "
    "Çetin Erdoğan Gülen Fidan Demirtaş Davutoğlu Öcalan Dündar Ağca Göğüş Kurt Koç",
    "en": "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin "
    "Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Green Baker "
    "Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner Parker Collins Edwards",
}
# Spelling changes another source might make (applied to one part at a time).
RESPELL = [
    ("ss", "s"), ("ou", "u"), ("ei", "ey"), ("q", "gh"), ("v", "w"), ("Mohammad", "Muhammad"),
    ("Mohammed", "Muhammad"), ("Hossein", "Hussein"), ("Yevgeny", "Evgeniy"), ("ksandr", "xander"),
    ("ov", "off"), ("al-", "el-"), ("zh", "j"), ("ee", "i"), ("y", "i"), ("ş", "s"), ("ğ", "g"),
]  # fmt: skip


def _parts(rng: random.Random, culture: str) -> list[str]:
    given, family = GIVEN[culture].split(), FAMILY[culture].split()

    def pick(xs: list[str]) -> str:
        if rng.random() < 0.5:
            return xs[min(int(rng.paretovariate(0.9)) - 1, len(xs) - 1)]
        return rng.choice(xs)

    if culture == "zh":
        return [pick(family), pick(given) + (rng.choice(given).lower() if rng.random() < 0.4 else "")]
    if culture == "ru":
        return [pick(given), pick(given).rstrip("ay") + "ovich", pick(family)]
    parts = [pick(given)]
    if rng.random() < 0.35:
        parts.append(pick(given))
    if culture == "ar" and rng.random() < 0.4:
        parts.append("bin " + pick(given))
    return [*parts, pick(family)]


def _variant(rng: random.Random, parts: list[str]) -> str:
    parts = list(parts)
    for _ in range(rng.randint(1, 2)):
        i = rng.randrange(len(parts))
        old, new = rng.choice(RESPELL)
        parts[i] = parts[i].replace(old, new, 1)
    roll = rng.random()
    if roll < 0.25 and len(parts) > 2:
        parts.pop(rng.randrange(1, len(parts) - 1))  # a source omits the middle name
    elif roll < 0.5:
        return f"{parts[-1]}, {' '.join(parts[:-1])}"  # surname first
    elif roll < 0.6:
        i = rng.randrange(len(parts))
        if len(parts[i]) > 4:
            j = rng.randrange(1, len(parts[i]) - 1)
            parts[i] = parts[i][:j] + rng.choice("aeiourstn") + parts[i][j + 1 :]  # a typo
    return " ".join(parts)


def synthetic(
    n_entities: int, n_queries: int, seed: int = 7
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str | None]]]:
    """(entity_id, alias, entity name) rows and (query, expected entity id or None) queries."""
    rng = random.Random(seed)
    cultures = list(GIVEN)
    rows: list[tuple[str, str, str]] = []
    people: list[tuple[str, list[str]]] = []
    for n in range(n_entities):
        parts = _parts(rng, rng.choice(cultures))
        eid, name = f"p{n}", " ".join(parts)
        people.append((eid, parts))
        rows.append((eid, name, name))
        for _ in range(rng.choice((0, 1, 1, 2))):
            rows.append((eid, _variant(rng, parts), name))
    queries: list[tuple[str, str | None]] = []
    for _ in range(n_queries):
        if rng.random() < 0.6:
            eid, parts = rng.choice(people)
            queries.append((_variant(rng, parts), eid))
        else:
            queries.append((" ".join(_parts(rng, rng.choice(cultures))), None))
    return rows, queries


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n_entities: int = 100_000, n_queries: int = 5000, seed: int = 7) -> dict[str, Any]:
    """Build an index of ``n_entities`` synthetic people and time ``n_queries`` queries."""
    rows, queries = synthetic(n_entities, n_queries, seed)
    rss_before = _rss_mib()
    t0 = time.perf_counter()
    screener = Screener(rows)
    build = time.perf_counter() - t0
    rss_index = _rss_mib()
    found = expected = hits = 0
    times: list[float] = []
    t0 = time.perf_counter()
    for query, eid in queries:
        q0 = time.perf_counter()
        result = screener.match(query)
        times.append(time.perf_counter() - q0)
        hits += len(result)
        if eid is not None:
            expected += 1
            found += any(h.entity_id == eid for h in result)
    elapsed = time.perf_counter() - t0
    times.sort()
    return {
        "entities": n_entities,
        "aliases": len(rows),
        "indexed_names": len(screener),
        "build_seconds": round(build, 2),
        "queries": n_queries,
        "query_seconds": round(elapsed, 2),
        "queries_per_second": round(n_queries / elapsed, 1),
        "p50_ms": round(1000 * times[len(times) // 2], 3),
        "p95_ms": round(1000 * times[min(len(times) - 1, int(0.95 * len(times)))], 3),
        "mean_hits_per_query": round(hits / n_queries, 2),
        "variant_queries_found": round(found / expected, 4) if expected else None,
        "peak_rss_mib": round(_rss_mib(), 1),
        "index_rss_mib": round(rss_index - rss_before, 1),
    }


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    print(json.dumps(run(*args), indent=2))
