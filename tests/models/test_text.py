from models.text import swedish_key


def test_swedish_letters_sort_after_z() -> None:
    words = ["Öberg", "Åberg", "Zetterlund", "Ärlig", "andersson", "Berg"]
    assert sorted(words, key=swedish_key) == [
        "andersson",
        "Berg",
        "Zetterlund",
        "Åberg",
        "Ärlig",
        "Öberg",
    ]
