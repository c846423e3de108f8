"""What is kept and sent on: the records of renewals and keys, receipts,
reminders, and the support summary and bundle for IT staff."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ukey_renew.session.base import KeyChoice
from ukey_renew.session.help import Help
from ukey_renew.session.keys import Keys

if TYPE_CHECKING:
    from ukey_renew.fleet import Row
    from ukey_renew.receipt import Receipt
    from ukey_renew.remind import Reminder
    from ukey_renew.renewal.records import RenewalRecord


class Support(Keys, Help):
    def status(self, choices: list[KeyChoice]) -> dict[str, Any]:
        from ukey_renew.status import Status, describe, unfinished

        keys = {choice.serial: choice for choice in choices}
        policy = self.production.policy.renewal_policy()
        described = []
        for choice in keys.values():
            with self._using(choice, "读取证书") as token:
                described.append(describe(token, self.clock(), policy))
        return Status(tokens=described, unfinished=unfinished(self.data_dir)).to_dict()

    def receipt(self, choice: KeyChoice) -> Receipt:
        """The receipt of this key's last renewal, for IT staff (``receipt.no_renewal`` if none)."""
        return self.last_receipt(choice.serial)

    def last_receipt(self, serial: str | None = None, key_type: str | None = None) -> Receipt:
        """The receipt of the last renewal (of the key with ``serial``, if
        given), its key's use written on it: ``receipt.no_renewal`` if none."""
        from ukey_renew.receipt import last_receipt

        return last_receipt(self.records, serial, key_type)

    def support_summary(self, status: dict[str, Any]) -> str:
        """What IT staff ask first, in a few lines, personal data masked: the
        keys, the last renewal and the checks that need no network."""
        from ukey_renew.support import support_summary

        checks = self.doctor(network=False)  # the network: ukey-renew doctor
        return support_summary(status, self.clock(), last_renewal=self.records.last(), checks=checks)

    def support_bundle(
        self,
        out: Path,
        choices: list[KeyChoice] | None = None,
        *,
        step: str | None = None,
        last_error: str | None = None,
        site: str | None = None,
        network: bool = True,
        timeout: float = 15.0,
    ) -> list[str]:
        """Everything IT staff need in one zip, secrets masked; the names in it.
        The keys are ``choices`` (the wizard's) or, without them, every key
        and reader a scan finds; the doctor's checks run against ``site``, by
        default the one this session renews on."""
        from ukey_renew.bundle import write_bundle

        status = self.key_status()[0] if choices is None else self.status(choices)
        checks = self.doctor(site, network=network, timeout=timeout)
        return write_bundle(
            out, self.data_dir, status=status, checks=checks, now=self.clock(), step=step, last_error=last_error
        )

    def reminders(self) -> list[Reminder]:
        """The keys remembered when last read, against today: no key opened, no network."""
        from ukey_renew.remind import reminders

        return reminders(self.records.known_keys(), self.clock())

    def scheduled_check(self) -> list[Reminder]:
        """A run the schedule started: noted for ``remind --status``; the keys its notification names today."""
        from ukey_renew import notice, schedule

        schedule.note_run(self.data_dir, self.clock())
        return notice.to_show(self.reminders(), self.data_dir, self.clock())

    def notice_shown(self) -> None:
        from ukey_renew import notice

        notice.note_shown(self.data_dir, self.clock())

    def snooze_reminders(self) -> date:
        """'稍后提醒': no notification for a week; the first day it may come again."""
        from ukey_renew import notice

        return notice.snooze(self.data_dir, self.clock())

    def reminder_schedule(self) -> str | None:
        """Where the reminder is registered to run by itself, or None (Windows asks schtasks: a worker's call)."""
        from ukey_renew import schedule

        return schedule.for_this_system(self.clock()).installed()

    def set_reminder_schedule(self, on: bool) -> str | None:
        """The wizard's tick: registers the reminder (returns where) or removes it (returns None)."""
        from ukey_renew import schedule

        chosen = schedule.for_this_system(self.clock())
        if on:
            return chosen.install(schedule.command())
        chosen.remove()
        return None

    def records_export(self) -> list[Row]:
        """This computer's keys and renewals, one row per key, holders masked: for IT staff's campaign sheet."""
        from ukey_renew.fleet import local_rows

        return local_rows(self.records.known_keys(), self.records.all(), "本机延期记录")

    def last_renewal(self, choice: KeyChoice) -> RenewalRecord | None:
        return self.records.last_renewal(choice.serial)
