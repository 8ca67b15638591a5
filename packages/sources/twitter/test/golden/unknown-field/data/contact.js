window.YTD.contact.part0 = [ {
  "contact" : {
    "id" : "880001",
    "emails" : [ "rosa.lind@example.se" ],
    "phoneNumbers" : [ "+46 70 123 45 67" ]
  }
}, {
  "contact" : {
    "emails" : [ ],
    "phoneNumbers" : [ "+234 803 000 0001" ],
    "label" : "Tailor"
  }
} ]
