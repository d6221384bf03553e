"""The simulated HSA catalogue and login."""

from __future__ import annotations

import pytest

from models.errors import LoginError, NotFoundError
from models.roles import Role
from models.staff import StaffDirectory
from tests.conftest import (
    AKUTEN,
    AT_DOCTOR,
    DENTIST,
    DOCTOR,
    DOCTOR_WITHOUT_WEBCERT,
    NO_COMMISSION,
    NURSE,
    SECRETARY,
    SJOSTADEN,
    TESTENHET_17,
)


def test_seed_covers_every_kind_of_staff(directory: StaffDirectory) -> None:
    staff = {person.hsa_id: person for person in directory.list_staff()}
    doctor = staff[DOCTOR]
    assert doctor.role is Role.LAKARE
    assert doctor.forskrivarkod and doctor.has_vard_och_behandling and doctor.may_use_webcert
    assert doctor.title == "Distriktsläkare/Specialist allmänmedicin"
    assert staff[AT_DOCTOR].role is Role.LAKARE and staff[AT_DOCTOR].forskrivarkod is None
    assert staff[SECRETARY].role is Role.VARDADMINISTRATOR
    assert staff[NURSE].role is Role.SJUKSKOTERSKA
    assert staff[DENTIST].role is Role.TANDLAKARE
    assert not staff[DOCTOR_WITHOUT_WEBCERT].may_use_webcert
    assert not staff[NO_COMMISSION].has_vard_och_behandling


def test_staff_are_listed_by_family_name_in_swedish_order(directory: StaffDirectory) -> None:
    names = [person.name.split()[-1] for person in directory.list_staff()]
    assert names == ["Berg", "Ek", "Holm", "Lind", "Nyström", "Sand", "Åberg"]


def test_login_at_a_chosen_unit(directory: StaffDirectory) -> None:
    user = directory.login(DOCTOR, SJOSTADEN)
    assert user.unit.name == "Vårdcentralen Sjöstaden"
    assert user.role is Role.LAKARE
    assert user.actor.unit_id == SJOSTADEN


def test_a_unit_without_arbetsplatskod_is_still_a_place_to_log_in(
    directory: StaffDirectory,
) -> None:
    assert directory.login(DOCTOR, AKUTEN).unit.arbetsplatskod is None


def test_one_unit_needs_no_choice(directory: StaffDirectory) -> None:
    assert directory.login(NURSE).unit.hsa_id == TESTENHET_17


def test_several_units_need_a_choice(directory: StaffDirectory) -> None:
    with pytest.raises(LoginError, match="flera vårdenheter"):
        directory.login(DOCTOR)


def test_without_vard_och_behandling_login_is_refused(directory: StaffDirectory) -> None:
    with pytest.raises(LoginError) as raised:
        directory.login(NO_COMMISSION, TESTENHET_17)
    assert "Vård och behandling" in raised.value.message


def test_unknown_user_and_unit(directory: StaffDirectory) -> None:
    with pytest.raises(NotFoundError, match="ingen användare"):
        directory.login("TSTNMT2321000156-NONE", TESTENHET_17)
    with pytest.raises(NotFoundError, match="ingen vårdenhet"):
        directory.login(DOCTOR, "TSTNMT2321000156-NONE")


def test_a_unit_the_person_does_not_work_at(directory: StaffDirectory) -> None:
    with pytest.raises(LoginError, match="inget uppdrag"):
        directory.login(NURSE, SJOSTADEN)
