from django.urls import path

from . import views

app_name = "territories"
urlpatterns = [
    path("regions/<str:code>/", views.region_detail, name="region"),
    path("orp/<str:code>/", views.orp_detail, name="orp"),
    path("municipalities/", views.municipality_search, name="search"),
    path("municipalities/<str:code>/", views.municipality_detail, name="municipality"),
]
