from django.contrib import admin

from .models import (
    AgeGroup,
    Capacity,
    CapacityType,
    Facility,
    Provider,
    RelatedServiceType,
    Service,
    ServiceDelivery,
    ServiceForm,
    ServiceType,
    TargetGroup,
)


class CodelistAdmin(admin.ModelAdmin):
    list_display = ["name", "registry_id", "api_id", "is_inferred", "from_registry_file"]
    list_filter = ["is_inferred", "from_registry_file"]
    search_fields = ["name", "registry_id"]


@admin.register(ServiceType)
class ServiceTypeAdmin(CodelistAdmin):
    list_display = ["paragraph", "name", "category", "registry_id", "api_id", "is_inferred"]
    list_filter = ["category", "is_inferred", "from_registry_file"]
    search_fields = ["name", "paragraph", "registry_id"]
    filter_horizontal = ["allowed_forms"]


@admin.register(ServiceForm)
class ServiceFormAdmin(CodelistAdmin):
    list_display = ["name", "code", "registry_id", "api_id", "is_inferred"]


admin.site.register(CapacityType, CodelistAdmin)
admin.site.register(TargetGroup, CodelistAdmin)


@admin.register(AgeGroup)
class AgeGroupAdmin(CodelistAdmin):
    list_display = ["name", "age_from", "age_to", "order", "is_inferred"]


@admin.register(RelatedServiceType)
class RelatedServiceTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Provider)
class ProviderAdmin(admin.ModelAdmin):
    list_display = ["name", "ico", "founder_type", "town", "municipality"]
    list_filter = ["founder_type"]
    list_select_related = ["municipality"]
    search_fields = ["search_name", "name", "ico"]
    raw_id_fields = ["municipality"]


class CapacityInline(admin.TabularInline):
    model = Capacity
    extra = 0


@admin.register(ServiceDelivery)
class ServiceDeliveryAdmin(admin.ModelAdmin):
    list_display = ["service", "form", "continuous"]
    list_select_related = ["service", "form"]
    search_fields = ["service__search_text", "service__registry_identifier"]
    raw_id_fields = ["service"]
    inlines = [CapacityInline]


class DeliveryInline(admin.TabularInline):
    model = ServiceDelivery
    extra = 0
    show_change_link = True


class FacilityInline(admin.StackedInline):
    model = Facility
    extra = 0
    raw_id_fields = ["municipality"]


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "registry_identifier", "service_type", "related_type", "provider", "ended_on"]
    list_filter = ["service_type__category", "service_type", "related_type", "ended_on"]
    list_select_related = ["service_type", "related_type", "provider"]
    search_fields = ["search_text", "name", "registry_identifier", "provider__ico"]
    raw_id_fields = ["provider"]
    autocomplete_fields = ["target_groups", "age_groups"]
    filter_horizontal = ["orps", "municipalities"]
    readonly_fields = ["registry_identifier", "registry_values", "local_fields", "created", "updated"]
    inlines = [DeliveryInline, FacilityInline]
