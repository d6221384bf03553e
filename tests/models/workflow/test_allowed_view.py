"""One read gives an opened certificate's buttons and header lines, as the two calls do."""

from __future__ import annotations

from models.staff import UserContext
from models.store import Store
from models.store.schema import CertificateStatus
from models.workflow.actions import Action
from models.workflow.lifecycle import Lifecycle
from tests.conftest import TOLVAN
from tests.factories import make_certificate
from tests.models.definitions.types import samples
from tests.models.workflow.conftest import at


def test_the_view_is_the_actions_and_the_status_lines(
    life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    signed = make_certificate(
        store,
        TOLVAN,
        status=CertificateStatus.SIGNED,
        created=at(20),
        seal=True,
        content=samples.fk7804(),
        sent_to="FKASSA",
    )
    states, lines = life.rules.view(doctor, signed)
    assert states == life.rules.allowed_actions(doctor, signed)
    assert lines == life.rules.status_lines(doctor, signed)
    assert states[Action.RENEW].allowed and not states[Action.SEND].allowed
    assert lines[0].text == "Intyget är skickat till Försäkringskassan."
