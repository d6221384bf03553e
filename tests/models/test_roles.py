import pytest

from models.roles import Role, resolve_role


@pytest.mark.parametrize(
    ("licence", "title", "code", "role"),
    [
        ("Läkare", "201011", "1234578", Role.LAKARE),
        ("Tandläkare", "251010", None, Role.TANDLAKARE),
        (None, "204010", None, Role.LAKARE),  # AT-läkare by title code alone
        (None, "203020", None, Role.LAKARE),  # BT-läkare
        (None, "203090", "9300005", Role.LAKARE),  # EU licence group code
        (None, "204090", "9200007", Role.LAKARE),  # medical student locum
        (None, "204090", "1234567", Role.VARDADMINISTRATOR),  # personal code, not a group code
        ("Sjuksköterska", "206090", None, Role.SJUKSKOTERSKA),
        ("Barnmorska", None, None, Role.BARNMORSKA),
        (None, "152018", None, Role.VARDADMINISTRATOR),
        (None, None, None, Role.VARDADMINISTRATOR),
    ],
)
def test_role_resolution_follows_webcert_order(
    licence: str | None, title: str | None, code: str | None, role: Role
) -> None:
    assert resolve_role(licence, title, code) is role


def test_only_doctors_and_dentists_sign() -> None:
    assert {role for role in Role if role.may_sign} == {Role.LAKARE, Role.TANDLAKARE}
