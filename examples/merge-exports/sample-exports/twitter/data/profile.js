window.YTD.profile.part0 = [
  {
    "profile" : {
      "description" : {
        "bio" : "Data platforms, maps and long walks. Product @ Northwind Analytics.",
        "website" : "https://t.co/x2Jk9Lm0Qp",
        "location" : "London"
      },
      "avatarMediaUrl" : "https://pbs.twimg.com/profile_images/1500000000000000000/aB3dE5fG.jpg",
      "headerMediaUrl" : "https://pbs.twimg.com/profile_banners/887412563/1650000000"
    }
  }
]