from django.contrib import admin

from .models import District, Municipality, Orp, PopulationStat, Pou, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "nuts_code", "ruian_code"]
    search_fields = ["name", "search_name", "code"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "nuts_code", "region"]
    list_select_related = ["region"]
    search_fields = ["search_name", "code"]


@admin.register(Orp)
class OrpAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "ruian_code", "region"]
    list_filter = ["region"]
    list_select_related = ["region"]
    search_fields = ["search_name", "code"]


@admin.register(Pou)
class PouAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "orp"]
    list_select_related = ["orp"]
    search_fields = ["search_name", "code"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "orp", "district"]
    list_select_related = ["orp", "district"]
    search_fields = ["search_name", "code"]
    raw_id_fields = ["pou", "orp", "district"]


@admin.register(PopulationStat)
class PopulationStatAdmin(admin.ModelAdmin):
    list_display = ["level", "territory_code", "reference_date", "sex", "age_from", "age_to", "count", "source"]
    list_filter = ["level", "reference_date", "source"]
    search_fields = ["territory_code"]
