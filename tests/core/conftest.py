from datetime import date

import pytest

from leaderapp.core.i18n import current_language, set_language
from leaderapp.core.model import WorkshopDraft
from leaderapp.core.workspace import Workspace


@pytest.fixture
def workspace():
    ws = Workspace.open(None)
    yield ws
    ws.close()


@pytest.fixture
def danish():
    """Danish for this test, whatever language an earlier test left behind."""
    previous = current_language()
    set_language("da")
    yield
    set_language(previous)


@pytest.fixture
def workshop_id(workspace):
    draft = WorkshopDraft(
        unit_name="Akutmodtagelsen",
        organisation="Regionshospitalet",
        facilitator="Łukasz Nowak",
        dates=(date(2026, 12, 1),),
        participants=("Şükrü Yılmaz", "Anna Østergaard", "Sigrún Ólafsdóttir"),
    )
    return workspace.create_workshop(draft).created_id
