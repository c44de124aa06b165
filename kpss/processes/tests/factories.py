"""factory_boy factories for processes and meetings, and a helper that gives a user a role."""

import datetime

import factory
from django.utils import timezone

from kpss.accounts.models import Organisation, Person, User
from kpss.meetings.models import Meeting
from kpss.processes.models import Group, Membership, PlanningProcess
from kpss.territories.tests.factories import OrpFactory


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.cz")
    first_name = factory.Sequence(lambda n: f"Jméno{n}")
    last_name = factory.Sequence(lambda n: f"Příjmení{n}")
    password = factory.PostGenerationMethodCall("set_password", "heslo-pro-testy")

    @factory.post_generation
    def saved(user, create, extracted, **kwargs):
        if create:
            user.save()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organizace {n}, z.s.")
    legal_type = Organisation.LegalType.NGO


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Sequence(lambda n: f"Osoba{n}")
    last_name = factory.Sequence(lambda n: f"Nováková{n}")
    email = factory.LazyAttribute(lambda person: f"{person.first_name}.{person.last_name}@example.cz".lower())


class PlanningProcessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanningProcess
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Komunitní plánování {n}")
    scope = PlanningProcess.Scope.ORP
    orp = factory.SubFactory(OrpFactory)
    region = factory.SelfAttribute("orp.region")
    starts_on = datetime.date(2018, 5, 1)
    ends_on = datetime.date(2020, 4, 30)
    status = PlanningProcess.Status.RUNNING

    @factory.post_generation
    def coordinators(process, create, extracted, **kwargs):
        if create and extracted:
            process.coordinators.add(*extracted)


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    process = factory.SubFactory(PlanningProcessFactory)
    kind = Group.Kind.WORKING
    name = factory.Sequence(lambda n: f"Pracovní skupina {n}")
    focus = Group.Focus.THEMATIC
    theme = Group.Theme.SENIORS


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    group = factory.SubFactory(GroupFactory)
    person = factory.SubFactory(PersonFactory)
    role = Membership.Role.MEMBER


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    group = factory.SubFactory(GroupFactory)
    process = factory.SelfAttribute("group.process")
    kind = Meeting.Kind.WORKING
    title = factory.Sequence(lambda n: f"Jednání {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    place = "Městský úřad, zasedací místnost"


def member_user(group, role=Membership.Role.MEMBER, **user_fields):
    """A user whose person holds a current membership of ``group`` in ``role``."""
    user = UserFactory(**user_fields)
    person = PersonFactory(user=user, first_name=user.first_name, last_name=user.last_name, email=user.email)
    MembershipFactory(group=group, person=person, role=role)
    return user
