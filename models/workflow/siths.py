"""A simulated SITHS card for signing: the card holder and a PIN, three tries.

Webcert signs through Inera's signing service with the user's SITHS card (or BankID). Here the
sign dialog asks for the PIN of the logged-in user's card; every training card has the PIN
:data:`TRAINING_PIN`. A correct PIN yields a :class:`Signature` that
``SigningService.sign`` requires; the third wrong PIN cancels the signing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.clock import Clock
from models.errors import NotAllowedError
from models.staff import UserContext

#: The PIN of every simulated SITHS card in training.
TRAINING_PIN = "1234"
MAX_ATTEMPTS = 3


class WrongPinError(NotAllowedError):
    """A wrong PIN; ``attempts_left`` more may be tried."""

    def __init__(self, attempts_left: int) -> None:
        tries = "ett försök" if attempts_left == 1 else f"{attempts_left} försök"
        super().__init__(f"Fel PIN-kod. Du har {tries} kvar.")
        self.attempts_left = attempts_left


class SigningCancelledError(NotAllowedError):
    """Three wrong PINs: the signing is cancelled and the draft stays unsigned."""

    def __init__(self) -> None:
        super().__init__(
            "Fel PIN-kod tre gånger. Signeringen har avbrutits och utkastet är inte signerat."
        )


@dataclass(frozen=True)
class Signature:
    """Proof that the card holder entered the right PIN, at a given time."""

    holder_id: str
    at: dt.datetime


class SithsCard:
    """The logged-in user's card in the reader, for one signing."""

    def __init__(self, user: UserContext, clock: Clock, pin: str = TRAINING_PIN) -> None:
        self._user = user
        self._clock = clock
        self._pin = pin
        self._attempts_left = MAX_ATTEMPTS
        self._signature: Signature | None = None

    @property
    def holder_name(self) -> str:
        return self._user.staff.name

    @property
    def holder_id(self) -> str:
        return self._user.staff.hsa_id

    @property
    def attempts_left(self) -> int:
        return self._attempts_left

    @property
    def signature(self) -> Signature | None:
        """The signature made by the last correct PIN, if one was entered."""
        return self._signature

    def accepts(self, pin: str) -> bool:
        """Whether ``pin`` is right (for a dialog that counts tries itself); a right one makes
        :attr:`signature`."""
        try:
            self.enter_pin(pin)
        except (WrongPinError, SigningCancelledError):
            return False
        return True

    def enter_pin(self, pin: str) -> Signature:
        """A signature for a correct PIN; WrongPinError, or SigningCancelledError the third
        time."""
        if self._attempts_left == 0:
            raise SigningCancelledError()
        if pin.strip() == self._pin:
            self._signature = Signature(self._user.staff.hsa_id, self._clock.now())
            return self._signature
        self._attempts_left -= 1
        if self._attempts_left == 0:
            raise SigningCancelledError()
        raise WrongPinError(self._attempts_left)
