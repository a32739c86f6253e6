from django.urls import path

from amity.followups import views

app_name = "followups"
urlpatterns = [
    path("", views.follow_up_list, name="list"),
    path("new/", views.follow_up_new, name="new"),
    path("<int:pk>/edit/", views.follow_up_edit, name="edit"),
    path("<int:pk>/complete/", views.follow_up_complete, name="complete"),
    path("<int:pk>/reopen/", views.follow_up_reopen, name="reopen"),
    path("<int:pk>/snooze/", views.follow_up_snooze, name="snooze"),
    path("<int:pk>/reschedule/", views.follow_up_reschedule, name="reschedule"),
    path("<int:pk>/delete/", views.follow_up_delete, name="delete"),
]
